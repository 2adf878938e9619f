#pragma once

namespace ms {

// Value of one hexadecimal digit, -1 if c is not one (quoted-printable, RFC 2047 Q,
// RFC 2231 percent-encoding, DKIM-Quoted-Printable).
inline int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

} // namespace ms
