#include "dkim/KeyRecord.h"

#include "crypto/Base64.h"
#include "crypto/Ed25519.h"
#include "trace/Translate.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>

#include <atomic>
#include <list>

namespace ms::dkim {

namespace {

QString tr(const char* s)
{
    return ms::translate("Dkim", s);
}

QList<QByteArray> colonList(const QByteArray& v)
{
    QList<QByteArray> out;
    for (const QByteArray& part : v.split(':')) {
        const QByteArray t = part.trimmed().toLower();
        if (!t.isEmpty())
            out.append(t);
    }
    return out;
}

} // namespace

bool KeyRecord::allowsHash(QByteArrayView h) const
{
    return hashes.isEmpty() || hashes.contains(h.toByteArray());
}

KeyRecordPtr parseKeyRecord(const QByteArray& text)
{
    auto r = std::make_shared<KeyRecord>();
    r->text = text;
    r->tags = TagList::parse(text);
    r->services = { "*" };
    if (!r->tags.isValid()) {
        r->problem
            = tr("the key record is not a valid tag-list: %1").arg(r->tags.errors().first().text);
        r->reason = QStringLiteral("key-syntax");
        return r;
    }
    if (const Tag* v = r->tags.find("v")) {
        if (v->value != "DKIM1" || &r->tags.tags().first() != v) {
            r->discard = true;
            r->problem = v->value != "DKIM1"
                ? tr("v=%1: not a DKIM1 key record, so it is discarded")
                      .arg(QString::fromUtf8(v->value))
                : tr("v= is not the first tag, so the record is discarded");
            r->reason = QStringLiteral("key-syntax");
            return r;
        }
    }
    if (r->tags.has("h"))
        r->hashes = colonList(r->tags.value("h"));
    if (r->tags.has("k"))
        r->keyType = r->tags.value("k").trimmed().toLower();
    if (r->tags.has("s"))
        r->services = colonList(r->tags.value("s"));
    if (r->tags.has("t"))
        r->flags = colonList(r->tags.value("t"));
    if (r->tags.has("n"))
        r->notes = decodeDkimQuotedPrintable(r->tags.value("n"));
    const Tag* p = r->tags.find("p");
    if (!p) {
        r->problem = tr("the key record has no p= tag");
        r->reason = QStringLiteral("key-syntax");
        return r;
    }
    const crypto::Base64Result b = crypto::decodeBase64(p->value);
    if (!b.ok) {
        r->problem = tr("p= is not valid base64: %1").arg(b.error);
        r->reason = QStringLiteral("key-syntax");
        return r;
    }
    if (b.bytes.isEmpty()) {
        r->revoked = true;
        r->problem = tr("p= is empty: the key has been revoked");
        r->reason = QStringLiteral("key-revoked");
        return r;
    }
    QString err;
    if (r->keyType == "rsa") {
        r->key = crypto::PublicKey::fromSubjectPublicKeyInfo(b.bytes, &err);
        r->keyForm = QStringLiteral("SubjectPublicKeyInfo");
        if (r->key.isNull()) {
            // Some signers publish the bare PKCS#1 form; accept it, and say so.
            r->key = crypto::PublicKey::fromRsaPublicKey(b.bytes);
            r->keyForm = QStringLiteral("PKCS#1 RSAPublicKey");
        }
        if (!r->key.isNull() && r->key.type() != crypto::KeyType::Rsa) {
            r->problem = tr("k=rsa but p= holds a %1 key").arg(crypto::keyTypeName(r->key.type()));
            r->reason = QStringLiteral("key-type-mismatch");
            r->key = {};
            return r;
        }
    } else if (r->keyType == "ed25519") {
        r->key = crypto::PublicKey::fromEd25519Raw(b.bytes, &err);
        r->keyForm = QStringLiteral("raw Ed25519");
    } else {
        r->problem = tr("unknown key type k=%1").arg(QString::fromUtf8(r->keyType));
        r->reason = QStringLiteral("key-type-unknown");
        return r;
    }
    if (r->key.isNull()) {
        r->problem = tr("p= does not hold a usable %1 public key: %2")
                         .arg(QString::fromUtf8(r->keyType), err);
        r->reason = QStringLiteral("key-syntax");
        return r;
    }
    r->usable = true;
    return r;
}

// Least recently used out first, bounded by entries and by bytes: a batch over a million
// distinct keys (or a few huge hostile TXT records) keeps memory flat, while the few keys
// a batch keeps meeting stay parsed.
struct KeyCache::Data {
    struct Entry {
        QByteArray text;
        KeyRecordPtr record;
        qint64 cost = 0;
    };
    QMutex lock;
    std::list<Entry> lru; // most recently used first
    QHash<QByteArray, std::list<Entry>::iterator> map;
    qint64 bytes = 0;
    std::atomic<qint64> hits { 0 };

    void evict()
    {
        while (
            !lru.empty() && (map.size() > KeyCache::kMaxEntries || bytes > KeyCache::kMaxBytes)) {
            bytes -= lru.back().cost;
            map.remove(lru.back().text);
            lru.pop_back();
        }
    }
};

KeyCache& KeyCache::instance()
{
    static KeyCache c;
    return c;
}

KeyCache::Data* KeyCache::d()
{
    static Data data;
    return &data;
}

KeyRecordPtr KeyCache::get(const QByteArray& text)
{
    Data* dd = d();
    {
        QMutexLocker l(&dd->lock);
        const auto it = dd->map.constFind(text);
        if (it != dd->map.cend()) {
            ++dd->hits;
            dd->lru.splice(dd->lru.begin(), dd->lru, it.value());
            return it.value()->record;
        }
    }
    // Parsed outside the lock: another thread may parse the same text meanwhile, and the
    // first to insert wins (both results are equal).
    KeyRecordPtr parsed = parseKeyRecord(text);
    QMutexLocker l(&dd->lock);
    const auto it = dd->map.constFind(text);
    if (it != dd->map.cend())
        return it.value()->record;
    // The text, its parsed copy and tags, the decoded key, and bookkeeping; an Ed25519 key
    // also gets its 30 KB table of multiples on its first verification.
    const qint64 cost = 3 * qint64(text.size()) + 1024
        + (parsed->key.type() == crypto::KeyType::Ed25519
                ? crypto::ed25519::VerifyKey::kPreparedBytes
                : 0);
    dd->lru.push_front({ text, parsed, cost });
    dd->map.insert(text, dd->lru.begin());
    dd->bytes += cost;
    dd->evict();
    return parsed;
}

qsizetype KeyCache::size() const
{
    Data* dd = const_cast<KeyCache*>(this)->d();
    QMutexLocker l(&dd->lock);
    return dd->map.size();
}

qint64 KeyCache::bytes() const
{
    Data* dd = const_cast<KeyCache*>(this)->d();
    QMutexLocker l(&dd->lock);
    return dd->bytes;
}

qint64 KeyCache::hits() const
{
    return const_cast<KeyCache*>(this)->d()->hits.load();
}

void KeyCache::clear()
{
    Data* dd = d();
    QMutexLocker l(&dd->lock);
    dd->map.clear();
    dd->lru.clear();
    dd->bytes = 0;
}

} // namespace ms::dkim
