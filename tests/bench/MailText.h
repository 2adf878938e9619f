#pragma once

// Mail-like body text for the benchmarks: lines of 20..76 characters with runs of spaces
// and tabs (what relaxed canonicalization rewrites), optionally trailing whitespace, some
// blank lines, CRLF line ends. Deterministic for a given seed.

#include <QByteArray>

#include <random>

namespace msbench {

inline QByteArray mailLikeBody(qsizetype size, unsigned seed, bool trailingWhitespace)
{
    static const char words[][10]
        = { "the", "mail", "server", "signed", "this", "message", "body", "and", "\t", "  " };
    std::mt19937 rng(seed);
    QByteArray out;
    out.reserve(size + 128);
    while (out.size() < size) {
        const int len = 20 + int(rng() % 57);
        const qsizetype start = out.size();
        while (out.size() - start < len) {
            out += words[rng() % 10];
            out += ' ';
        }
        if (trailingWhitespace && rng() % 8 == 0)
            out += " \t";
        out += "\r\n";
        if (rng() % 12 == 0)
            out += "\r\n";
    }
    return out;
}

// An attachment's body as mail carries it: base64 lines of 76 characters, CRLF line ends, no
// whitespace for relaxed canonicalization to change. Deterministic for a given seed.
inline QByteArray base64Body(qsizetype size, unsigned seed)
{
    std::mt19937 rng(seed);
    QByteArray raw(size * 3 / 4, Qt::Uninitialized);
    for (char& c : raw)
        c = char(rng());
    const QByteArray b64 = raw.toBase64();
    QByteArray out;
    out.reserve(b64.size() + b64.size() / 38 + 2);
    for (qsizetype i = 0; i < b64.size(); i += 76)
        out += b64.mid(i, 76) + "\r\n";
    return out;
}

} // namespace msbench
