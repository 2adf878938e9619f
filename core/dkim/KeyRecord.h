#pragma once

#include "crypto/Keys.h"
#include "dkim/TagList.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace ms::dkim {

// A DKIM key record (RFC 6376 3.6.1, RFC 8463 4), parsed. Immutable: shared between
// threads through the KeyCache.
struct KeyRecord {
    QByteArray text; // the TXT strings concatenated (3.6.2.2)
    TagList tags;
    bool usable = false; // a key that can verify (syntax fine, p= decoded)
    bool revoked = false; // p= empty (3.6.1)
    bool discard = false; // v= present but not DKIM1, or not first (3.6.1: discard)
    QString problem; // why not usable, translated
    QString reason; // stable code when not usable: "key-syntax", "key-revoked", ...
    QByteArray keyType = "rsa"; // k=, lower-case
    QList<QByteArray> hashes; // h=, empty = any
    QList<QByteArray> services; // s=, default "*"
    QList<QByteArray> flags; // t=
    QByteArray notes; // n=, decoded
    crypto::PublicKey key;
    QString keyForm; // "SubjectPublicKeyInfo", "PKCS#1 RSAPublicKey", "raw Ed25519"
    bool testing() const { return flags.contains("y"); }
    bool strict() const { return flags.contains("s"); }
    bool allowsEmail() const { return services.contains("*") || services.contains("email"); }
    bool allowsHash(QByteArrayView h) const;
};

using KeyRecordPtr = std::shared_ptr<const KeyRecord>;

KeyRecordPtr parseKeyRecord(const QByteArray& text);

// Parses each distinct record text once per process: batch runs verify thousands of
// messages with the same few keys. Thread-safe; a bounded LRU (at most kMaxEntries records
// and about kMaxBytes of memory; the least recently used go first).
class KeyCache
{
public:
    static constexpr qsizetype kMaxEntries = 4096;
    static constexpr qint64 kMaxBytes = 16 * 1024 * 1024;

    static KeyCache& instance();
    KeyRecordPtr get(const QByteArray& text);
    qsizetype size() const;
    qint64 bytes() const; // the estimate kept under kMaxBytes
    qint64 hits() const;
    void clear();

private:
    KeyCache() = default;
    struct Data;
    Data* d();
};

} // namespace ms::dkim
