#include "common/DkimSigner.h"

#include "common/TestKeys.h"
#include "crypto/Digest.h"
#include "dkim/Canon.h"
#include "message/Message.h"

namespace mstest {

using namespace ms;

QByteArray dkimSign(
    const QByteArray& message, const crypto::PrivateKey& key, const DkimSignOptions& o)
{
    const Message m = Message::parse(message);
    const QList<QByteArray> c
        = o.canon.isEmpty() ? QList<QByteArray> { "simple" } : o.canon.split('/');
    const dkim::Canon hc = dkim::canonFromName(c.value(0)).value_or(dkim::Canon::Simple);
    const dkim::Canon bc = dkim::canonFromName(c.value(1, "simple")).value_or(dkim::Canon::Simple);
    const auto alg = o.algorithm.endsWith("sha1") ? crypto::DigestAlgorithm::Sha1
                                                  : crypto::DigestAlgorithm::Sha256;
    // The body exactly as given (not Message's CRLF-normalized view), so tests can sign
    // bodies with bare LFs the way broken signers do.
    const qsizetype sep0 = message.indexOf("\r\n\r\n");
    QByteArray body = dkim::canonBody(
        bc, sep0 < 0 ? QByteArrayView() : QByteArrayView(message).sliced(sep0 + 4));
    if (o.bodyLength >= 0)
        body.truncate(o.bodyLength);
    const QByteArray bh = crypto::Digest::hash(alg, body).toBase64();

    const QByteArray sep = o.fold ? ";\r\n\t" : "; ";
    QByteArray v = "v=1; a=" + o.algorithm;
    if (!o.canon.isEmpty())
        v += "; c=" + o.canon;
    v += "; d=" + o.domain + "; s=" + o.selector;
    if (!o.identity.isEmpty())
        v += "; i=" + o.identity;
    if (o.bodyLength == -2)
        v += "; l=" + QByteArray::number(body.size());
    else if (o.bodyLength >= 0)
        v += "; l=" + QByteArray::number(o.bodyLength);
    if (o.timestamp >= 0)
        v += "; t=" + QByteArray::number(o.timestamp);
    if (o.expiration >= 0)
        v += "; x=" + QByteArray::number(o.expiration);
    v += sep + "h=" + o.headers.join(':') + sep + "bh=" + bh + sep + o.extraTags + "b=";
    const QByteArray unsignedField = "DKIM-Signature: " + v + "\r\n";

    const auto sel = dkim::selectHeaders(m.headers(), o.headers);
    const dkim::HeaderBlock hb = dkim::buildHeaderBlock(m.headers(), sel, hc, unsignedField);
    const QByteArray sig = key.signHash(alg, crypto::Digest::hash(alg, hb.bytes)).toBase64();
    QByteArray b;
    for (qsizetype i = 0; i < sig.size(); i += 64) {
        if (i > 0 && o.fold)
            b += "\r\n\t ";
        b += sig.mid(i, 64);
    }
    return "DKIM-Signature: " + v + b + "\r\n" + message;
}

QByteArray dkimKeyRecord(const crypto::PrivateKey& key, const QByteArray& extra)
{
    const crypto::PublicKey pub = key.publicKey();
    if (pub.type() == crypto::KeyType::Ed25519)
        return "v=DKIM1; k=ed25519; p=" + pub.ed25519Raw().toBase64() + extra;
    return "v=DKIM1; k=rsa; p=" + pub.subjectPublicKeyInfo().toBase64() + extra;
}

std::shared_ptr<dns::ZoneResolver> dkimZone(const QList<QPair<QByteArray, QByteArray>>& txt)
{
    auto z = std::make_shared<dns::ZoneResolver>();
    for (const auto& [name, value] : txt) {
        dns::Record r;
        r.name = name.toLower();
        r.type = dns::Type::TXT;
        r.ttl = 300;
        for (qsizetype i = 0; i < value.size(); i += 255)
            r.strings.append(value.mid(i, 255));
        if (value.isEmpty())
            r.strings.append(QByteArray());
        r.presentation = QString::fromLatin1("\"" + value + "\"");
        z->addRecord(r);
    }
    return z;
}

QList<QPair<QByteArray, QByteArray>> dkimTestKeyRecords()
{
    const QByteArray rsa = dkimKeyRecord(rsaKey(2048));
    return {
        { "sel._domainkey.example.com", rsa },
        { "ed._domainkey.example.com", dkimKeyRecord(ed25519Key()) },
        { "k1024._domainkey.example.com", dkimKeyRecord(rsaKey(1024)) },
        { "k512._domainkey.example.com", dkimKeyRecord(rsaKey(512)) },
        { "revoked._domainkey.example.com", "v=DKIM1; k=rsa; p=" },
        { "testing._domainkey.example.com", rsa + "; t=y" },
        { "strict._domainkey.example.com", rsa + "; t=s" },
        { "sha1only._domainkey.example.com", rsa + "; h=sha1" },
        { "smime._domainkey.example.com", rsa + "; s=smime" },
        { "badp._domainkey.example.com", "v=DKIM1; p=notbase64!" },
        { "wrongkey._domainkey.example.com", dkimKeyRecord(otherRsaKey()) },
        { "nokey._domainkey.example.com", "v=DKIM1; k=rsa" },
    };
}

QList<QPair<QByteArray, QByteArray>> parseDnsTsv(const QByteArray& tsv, int* malformed)
{
    QList<QPair<QByteArray, QByteArray>> out;
    for (const QByteArray& line : tsv.split('\n')) {
        if (line.trimmed().isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype tab = line.indexOf('\t');
        if (tab <= 0) {
            if (malformed)
                ++*malformed;
            continue;
        }
        out.append({ line.left(tab), line.mid(tab + 1).trimmed() });
    }
    return out;
}

QByteArray sampleMessage(const QByteArray& body, const QByteArray& extraHeaders)
{
    return "Received: from mx.example.net by mx.example.org; Mon, 1 Jun 2026 10:00:00 +0000\r\n"
           "From: Alice Example <alice@example.com>\r\n"
           "To: Bob <bob@example.org>\r\n"
           "Subject: Quarterly report\r\n"
           "Date: Mon, 1 Jun 2026 09:59:00 +0000\r\n"
           "Message-ID: <test-1@example.com>\r\n"
        + extraHeaders + "\r\n" + body;
}

} // namespace mstest
