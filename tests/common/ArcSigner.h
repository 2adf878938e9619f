#pragma once

#include "crypto/Keys.h"

#include <QByteArray>
#include <QList>

namespace mstest {

// A signing key generated at test time, published at <selector>._domainkey.<domain>.
struct ArcKey {
    QByteArray domain;
    QByteArray selector;
    ms::crypto::PrivateKey key;

    static ArcKey rsa(const QByteArray& domain, const QByteArray& selector, int bits = 1024);
    static ArcKey ed25519(const QByteArray& domain, const QByteArray& selector);
    QByteArray zoneLine() const; // master-file line with the DKIM key record
};

// Options for one ARC Set; the defaults produce a correct set (RFC 8617 5.1).
struct SealOptions {
    QByteArray authservId = "mx.example.net";
    QByteArray aarPayload = "spf=pass smtp.mailfrom=example.com; dkim=pass header.d=example.com";
    QByteArray cv; // empty = "none" for i=1, "pass" after
    int instance = 0; // 0 = highest existing + 1
    qint64 time = 1764300000; // t=
    QList<QByteArray> signedHeaders = { "from", "to", "subject", "date" };
    QByteArray amsCanon = "relaxed/relaxed";
    bool sealHasH = false; // a forbidden h= tag in the ARC-Seal (RFC 8617 4.1.3)
    bool foldSignatures = true; // fold b= across lines, as real sealers do
};

// Adds one ARC Set (AAR, AMS, AS) on top of `message` with core/crypto signing, the way an
// intermediary seals (RFC 8617 5.1): the AMS like a DKIM signature, the AS over ARC Sets
// 1..i in instance order. The message must use CRLF line endings.
QByteArray arcSeal(const QByteArray& message, const ArcKey& key, const SealOptions& options = {});

// Master-file text publishing every key.
QByteArray arcZone(const QList<ArcKey>& keys);

} // namespace mstest
