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

} // namespace msbench
