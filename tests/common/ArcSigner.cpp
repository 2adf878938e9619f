#include "common/ArcSigner.h"

#include "arc/Arc.h"
#include "crypto/Base64.h"
#include "dkim/Canon.h"
#include "message/Message.h"

#include <map>

namespace mstest {

namespace {

QByteArray fold(const QByteArray& b64, bool fold)
{
    if (!fold)
        return b64;
    QByteArray out;
    for (qsizetype i = 0; i < b64.size(); i += 60) {
        if (i)
            out += "\r\n\t ";
        out += b64.mid(i, 60);
    }
    return out;
}

QByteArray algorithm(const ArcKey& k)
{
    return k.key.type() == ms::crypto::KeyType::Ed25519 ? "ed25519-sha256" : "rsa-sha256";
}

} // namespace

ArcKey ArcKey::rsa(const QByteArray& domain, const QByteArray& selector, int bits)
{
    return { domain, selector, ms::crypto::PrivateKey::generateRsa(bits) };
}

ArcKey ArcKey::ed25519(const QByteArray& domain, const QByteArray& selector)
{
    return { domain, selector, ms::crypto::PrivateKey::generateEd25519() };
}

QByteArray ArcKey::zoneLine() const
{
    const ms::crypto::PublicKey pub = key.publicKey();
    const bool ed = pub.type() == ms::crypto::KeyType::Ed25519;
    const QByteArray p
        = ms::crypto::encodeBase64(ed ? pub.ed25519Raw() : pub.subjectPublicKeyInfo());
    return selector + "._domainkey." + domain + ". IN TXT \"v=DKIM1; k=" + (ed ? "ed25519" : "rsa")
        + "; p=" + p + "\"\n";
}

QByteArray arcZone(const QList<ArcKey>& keys)
{
    QByteArray z = "$TTL 300\n";
    for (const ArcKey& k : keys)
        z += k.zoneLine();
    return z;
}

QByteArray arcSeal(const QByteArray& message, const ArcKey& key, const SealOptions& o)
{
    const ms::Message m = ms::Message::parse(message);
    // Existing sets by instance (first field of each kind wins).
    std::map<int, std::array<QByteArray, 3>> sets;
    int highest = 0;
    for (const ms::arc::ArcField& f : ms::arc::collectFields(m)) {
        highest = qMax(highest, f.instance);
        auto& slot = sets[f.instance][int(f.kind)];
        if (slot.isEmpty())
            slot = m.headers()[f.fieldIndex].raw.toByteArray();
    }
    const int i = o.instance ? o.instance : highest + 1;
    const QByteArray cv = !o.cv.isEmpty() ? o.cv : (i == 1 ? "none" : "pass");
    const QByteArray inst = QByteArray::number(i);
    const QByteArray d = key.domain, s = key.selector;

    const QByteArray aar = "ARC-Authentication-Results: i=" + inst + "; " + o.authservId + ";\r\n\t"
        + o.aarPayload + "\r\n";

    // AMS: a DKIM-style signature over the signed header fields and the body.
    const QList<QByteArray> canon = o.amsCanon.split('/');
    const ms::dkim::Canon hc = *ms::dkim::canonFromName(canon.value(0));
    const ms::dkim::Canon bc = *ms::dkim::canonFromName(canon.value(1, "simple"));
    const QByteArray bh = ms::crypto::encodeBase64(ms::crypto::Digest::hash(
        ms::crypto::DigestAlgorithm::Sha256, ms::dkim::canonBody(bc, m.body())));
    QByteArray ams = "ARC-Message-Signature: i=" + inst + "; a=" + algorithm(key)
        + "; c=" + o.amsCanon + "; d=" + d + "; s=" + s + ";\r\n\tt=" + QByteArray::number(o.time)
        + "; h=" + o.signedHeaders.join(':') + ";\r\n\tbh=" + bh + "; b=";
    const QList<ms::dkim::SelectedHeader> selected
        = ms::dkim::selectHeaders(m.headers(), o.signedHeaders);
    const ms::dkim::HeaderBlock block
        = ms::dkim::buildHeaderBlock(m.headers(), selected, hc, ams + "\r\n");
    ams += fold(ms::crypto::encodeBase64(
                    key.key.sign(ms::crypto::DigestAlgorithm::Sha256, block.bytes)),
               o.foldSignatures)
        + "\r\n";

    // AS over the sets 1..i in instance order, this one last with b= empty.
    QByteArray as = "ARC-Seal: i=" + inst + "; a=" + algorithm(key)
        + "; t=" + QByteArray::number(o.time) + "; cv=" + cv + ";\r\n\td=" + d + "; s=" + s + ";"
        + (o.sealHasH ? " h=from;" : "") + " b=";
    sets[i] = { aar, ams, as + "\r\n" };
    QList<std::array<QByteArrayView, 3>> ordered;
    for (const auto& [n, set] : sets) {
        if (n > i)
            break;
        ordered.append({ set[0], set[1], set[2] });
    }
    as += fold(ms::crypto::encodeBase64(
                   key.key.sign(ms::crypto::DigestAlgorithm::Sha256, ms::arc::sealInput(ordered))),
              o.foldSignatures)
        + "\r\n";
    return as + ams + aar + message;
}

} // namespace mstest
