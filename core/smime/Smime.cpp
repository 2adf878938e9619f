#include "smime/Smime.h"

#include "crypto/Cms.h"
#include "crypto/X509Certificate.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <openssl/x509_vfy.h>

namespace ms::smime {

namespace {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Smime", text, disambiguation, n);
}

constexpr int kMaxLayers = 8; // nested S/MIME layers (signed in encrypted in ...)
constexpr int kMaxMimeDepth = 80; // the MIME tree is bounded by the parser; belt and braces
constexpr int kMaxEntities = 32; // S/MIME entities examined per message
constexpr qint64 kMaxCmsBytes = 64 * 1024 * 1024;

QString isoTime(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

QByteArray headerValue(const QList<HeaderField>& headers, QByteArrayView name)
{
    for (const HeaderField& h : headers) {
        if (h.nameIs(name))
            return h.unfolded().trimmed();
    }
    return {};
}

// The addr-spec of a From/Sender value, lower-case (display only: no group syntax).
QString addressOf(const QByteArray& value)
{
    QString v = QString::fromUtf8(value).trimmed();
    const qsizetype lt = v.lastIndexOf(QLatin1Char('<'));
    if (lt >= 0) {
        const qsizetype gt = v.indexOf(QLatin1Char('>'), lt);
        v = v.mid(lt + 1, gt > lt ? gt - lt - 1 : -1);
    } else {
        // strip a trailing comment "a@b (Name)"
        const qsizetype paren = v.indexOf(QLatin1Char('('));
        if (paren > 0)
            v = v.left(paren);
    }
    return v.trimmed().toLower();
}

bool isTimeProblem(int code)
{
    return code == X509_V_ERR_CERT_HAS_EXPIRED || code == X509_V_ERR_CERT_NOT_YET_VALID
        || code == X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD
        || code == X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD;
}

bool isTrustProblem(int code)
{
    return code == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY
        || code == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT
        || code == X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN
        || code == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT
        || code == X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE;
}

struct SignerVerdict {
    Status status = Status::Pass;
    QString reason; // stable code
    QString text; // plain words
    QString signer; // "Name <addr>"
    void worsen(Status s, const QString& code, const QString& words)
    {
        if (s == Status::Pass)
            return;
        // The first explanation at the worst severity wins.
        if (status == Status::Pass || (s != status && worse(status, s) == s)) {
            status = s;
            reason = code;
            text = words;
        }
    }
};

struct EntityVerdict {
    bool isSigned = false;
    Status status = Status::None;
    QString reason;
    QString text;
    QString signer;
};

class Walker
{
public:
    explicit Walker(const CheckContext& ctx)
        : m_ctx(ctx)
    {
        m_from = addressOf(headerValue(ctx.message.headers(), "From"));
        m_sender = addressOf(headerValue(ctx.message.headers(), "Sender"));
    }

    Step trustStep()
    {
        Step s(QStringLiteral("smime.trust"), Status::Info, tr("Trust anchors"),
            tr("Certificates are trusted when their chain ends in one of these anchors "
               "(RFC 5280 6.1)."),
            QStringLiteral("RFC 5280 6.1"));
        m_trust.useSystemStore(m_ctx.options.smimeUseSystemStore);
        s.addFact(
            tr("System CA store"), m_ctx.options.smimeUseSystemStore ? tr("used") : tr("not used"));
        for (const QString& path : m_ctx.options.smimeTrustFiles) {
            QString error;
            const int n = m_trust.addPemFile(path, &error);
            if (n > 0) {
                s.add(Step(QStringLiteral("smime.trust.file"), Status::Info,
                          tr("%1: %n certificate(s)", nullptr, n).arg(QFileInfo(path).fileName())))
                    .addFact(tr("File"), path);
            } else {
                s.add(Step(QStringLiteral("smime.trust.file"), Status::Warning,
                    tr("Trust file not usable"), error));
            }
        }
        return s;
    }

    void walk(const Message& msg, const QString& sourceId, const MimePart& part, int mimeDepth,
        int layer, Step& parent, QJsonArray& out)
    {
        if (mimeDepth > kMaxMimeDepth || m_entities >= kMaxEntities)
            return;
        const QByteArray ct = part.contentType;
        const QByteArray ctValue = headerValue(part.headers, "Content-Type");
        if (ct == "multipart/signed") {
            const QByteArray protocol = contentTypeParameter(ctValue, "protocol").toLower();
            const bool smimeProtocol = protocol == "application/pkcs7-signature"
                || protocol == "application/x-pkcs7-signature";
            const bool secondIsSmime = part.children.size() >= 2
                && (part.children[1].contentType == "application/pkcs7-signature"
                    || part.children[1].contentType == "application/x-pkcs7-signature");
            if (smimeProtocol || secondIsSmime) {
                ++m_entities;
                multipartSigned(msg, sourceId, part, protocol, layer, parent, out);
                return;
            }
        }
        const bool p7m = ct == "application/pkcs7-mime" || ct == "application/x-pkcs7-mime";
        const bool p7mByName
            = ct == "application/octet-stream" && (part.fileName.toLower().endsWith(".p7m"));
        if (p7m || p7mByName) {
            ++m_entities;
            pkcs7Mime(msg, sourceId, part, ctValue, p7mByName, layer, parent, out);
            return;
        }
        for (const MimePart& child : part.children)
            walk(msg, sourceId, child, mimeDepth + 1, layer, parent, out);
    }

    QList<Source> sources;
    QList<EntityVerdict> verdicts;

private:
    QString addCmsSource(const QByteArray& der)
    {
        const QString id = QStringLiteral("smime/cms/%1").arg(++m_cmsCount);
        sources.append(
            { id, tr("S/MIME CMS structure #%1").arg(m_cmsCount), Source::Kind::Der, der });
        return id;
    }

    QString certSource(const crypto::Certificate& c)
    {
        const QByteArray der = c.der();
        for (const Source& s : sources) {
            if (s.kind == Source::Kind::Der && s.id.startsWith(QLatin1String("smime/cert/"))
                && s.bytes == der)
                return s.id;
        }
        const QString id = QStringLiteral("smime/cert/%1").arg(++m_certCount);
        const QString name = c.commonName().isEmpty() ? c.subject() : c.commonName();
        sources.append({ id, tr("Certificate: %1").arg(name), Source::Kind::Der, der });
        return id;
    }

    QString addContentSource(const QByteArray& bytes, const QString& title)
    {
        const QString id = QStringLiteral("smime/content/%1").arg(++m_contentCount);
        sources.append({ id, title, Source::Kind::MimePart, bytes });
        return id;
    }

    void multipartSigned(const Message& msg, const QString& sourceId, const MimePart& part,
        const QByteArray& protocol, int layer, Step& parent, QJsonArray& out)
    {
        Step& e = parent.add(Step(QStringLiteral("smime.entity"), Status::Info,
            tr("Signed message (multipart/signed, detached signature)"),
            tr("The first part is the signed content, the second the CMS "
               "signature over its exact bytes (RFC 8551 3.5.3, RFC 1847 "
               "2.1)."),
            QStringLiteral("RFC 8551 3.5.3")));
        e.addSpan(sourceId, part.offset, part.length);
        QJsonObject j { { QStringLiteral("type"), QStringLiteral("signed") },
            { QStringLiteral("mediaType"), QStringLiteral("multipart/signed") },
            { QStringLiteral("detached"), true }, { QStringLiteral("source"), sourceId },
            { QStringLiteral("offset"), double(part.offset) },
            { QStringLiteral("length"), double(part.length) } };
        const QByteArray ctValue = headerValue(part.headers, "Content-Type");
        const QByteArray micalg = contentTypeParameter(ctValue, "micalg").toLower();
        e.addFact(tr("protocol"), QString::fromLatin1(protocol));
        e.addFact(tr("micalg"), QString::fromLatin1(micalg));
        j.insert(QStringLiteral("protocol"), QString::fromLatin1(protocol));
        j.insert(QStringLiteral("micalg"), QString::fromLatin1(micalg));
        if (protocol.isEmpty() || protocol.startsWith("application/x-")) {
            e.add(Step(QStringLiteral("smime.structure"), Status::Warning,
                protocol.isEmpty() ? tr("The protocol parameter is missing")
                                   : tr("Legacy x- signature type"),
                tr("RFC 8551 3.5.3 requires protocol=\"application/pkcs7-signature\"; "
                   "receivers accept the older x-pkcs7-signature form."),
                QStringLiteral("RFC 8551 3.5.3")));
        }
        if (part.children.size() < 2) {
            e.status = Status::PermError;
            e.add(Step(QStringLiteral("smime.structure"), Status::PermError,
                tr("multipart/signed needs two parts"),
                tr("Found %1 part(s): no signature can be checked (RFC 1847 2.1).")
                    .arg(part.children.size()),
                QStringLiteral("RFC 1847 2.1")));
            verdicts.append({ true, Status::PermError, QStringLiteral("malformed"),
                tr("the signed message is malformed"), {} });
            j.insert(QStringLiteral("status"), statusName(Status::PermError));
            out.append(j);
            return;
        }
        const MimePart& content = part.children[0];
        const MimePart& sigPart = part.children[1];
        const QByteArray& bytes = msg.bytes();
        const QByteArray signedBytes = bytes.mid(content.offset, content.length);
        Step& sc = e.add(Step(QStringLiteral("smime.signed-content"), Status::Info,
            tr("Signed content: %n byte(s)", nullptr, int(signedBytes.size())),
            tr("Exactly these bytes, from after the first boundary line to "
               "before the CRLF that precedes the next boundary, are hashed. "
               "Any change to them, even in line endings or trailing spaces, "
               "breaks the signature (RFC 8551 3.1.1, 3.5.3)."),
            QStringLiteral("RFC 8551 3.1.1")));
        sc.addSpan(sourceId, content.offset, content.length);
        sc.addFact(tr("Content-Type"), QString::fromLatin1(content.contentType));
        if (sourceId == QLatin1String("message") && msg.isNormalized()) {
            sc.add(Step(QStringLiteral("smime.line-endings"), Status::Warning,
                tr("Line endings were normalized to CRLF"),
                tr("The file did not use CRLF line endings everywhere. S/MIME signs the "
                   "canonical CRLF form (RFC 8551 3.1.1), so the CRLF view is verified; "
                   "a signature made over the LF form would not verify."),
                QStringLiteral("RFC 8551 3.1.1")));
        }
        QStringList problems;
        const QByteArray der = decodePartBody(msg, sigPart, &problems);
        Step& sp = e.add(Step(QStringLiteral("smime.signature-part"), Status::Info,
            tr("Signature part: %1, %n byte(s) of CMS", nullptr, int(der.size()))
                .arg(QString::fromLatin1(sigPart.contentType))));
        sp.addSpan(sourceId, sigPart.offset, sigPart.length);
        for (const QString& p : problems)
            sp.add(Step(QStringLiteral("smime.decode"), Status::Warning, p));
        signedData(der, signedBytes, true, micalg, sourceId, sigPart, layer, e, j);
        // The signed part may itself hold S/MIME (triple wrapping, RFC 8551 3.7).
        if (layer + 1 < kMaxLayers) {
            QJsonArray innerJson;
            walk(msg, sourceId, content, 0, layer + 1, e, innerJson);
            if (!innerJson.isEmpty())
                j.insert(QStringLiteral("inner"), innerJson);
        }
        out.append(j);
    }

    void pkcs7Mime(const Message& msg, const QString& sourceId, const MimePart& part,
        const QByteArray& ctValue, bool byName, int layer, Step& parent, QJsonArray& out)
    {
        const QByteArray smimeType = contentTypeParameter(ctValue, "smime-type").toLower();
        QStringList problems;
        const QByteArray der = decodePartBody(msg, part, &problems);
        QString cmsError;
        const crypto::CmsMessage cms = der.size() > kMaxCmsBytes
            ? crypto::CmsMessage()
            : crypto::CmsMessage::parse(der, &cmsError);
        const bool enveloped = cms.type() == crypto::CmsMessage::Type::Enveloped
            || cms.type() == crypto::CmsMessage::Type::AuthEnveloped;
        const QString title = cms.type() == crypto::CmsMessage::Type::Signed
            ? tr("Signed message (%1, opaque signature)")
            : enveloped ? tr("Encrypted message (%1)")
                        : tr("S/MIME entity (%1)");
        Step& e = parent.add(Step(QStringLiteral("smime.entity"), Status::Info,
            title.arg(QString::fromLatin1(part.contentType)),
            tr("The body is a base64 CMS structure whose type says what "
               "it is (RFC 8551 3.2, 3.3, 3.5.2)."),
            QStringLiteral("RFC 8551 3.2")));
        e.addSpan(sourceId, part.offset, part.length);
        e.addFact(tr("smime-type"),
            smimeType.isEmpty() ? tr("(absent)") : QString::fromLatin1(smimeType));
        QJsonObject j { { QStringLiteral("mediaType"), QString::fromLatin1(part.contentType) },
            { QStringLiteral("smimeType"), QString::fromLatin1(smimeType) },
            { QStringLiteral("source"), sourceId },
            { QStringLiteral("offset"), double(part.offset) },
            { QStringLiteral("length"), double(part.length) } };
        if (byName)
            e.add(Step(QStringLiteral("smime.structure"), Status::Warning,
                tr("Recognized by its .p7m file name"),
                tr("The part is labelled application/octet-stream; RFC 8551 3.2.1 lets "
                   "receivers recognize S/MIME by the file name."),
                QStringLiteral("RFC 8551 3.2.1")));
        for (const QString& p : problems)
            e.add(Step(QStringLiteral("smime.decode"), Status::Warning, p));
        if (cms.isNull()) {
            e.status = Status::PermError;
            e.add(Step(QStringLiteral("smime.cms"), Status::PermError,
                tr("The body is not a readable CMS structure"),
                der.size() > kMaxCmsBytes ? tr("It is larger than the 64 MiB limit.") : cmsError,
                QStringLiteral("RFC 5652 3")));
            j.insert(QStringLiteral("type"), QStringLiteral("unknown"));
            j.insert(QStringLiteral("status"), statusName(Status::PermError));
            verdicts.append({ smimeType != "enveloped-data", Status::PermError,
                QStringLiteral("malformed"), tr("the S/MIME part cannot be read"), {} });
            out.append(j);
            return;
        }
        // smime-type should agree with the CMS content type (RFC 8551 3.2.2).
        const QByteArray expected = cms.type() == crypto::CmsMessage::Type::Signed
            ? QByteArray(cms.certificates().isEmpty() || !cms.signers().isEmpty() ? "signed-data"
                                                                                  : "certs-only")
            : cms.type() == crypto::CmsMessage::Type::Enveloped ? QByteArray("enveloped-data")
            : cms.type() == crypto::CmsMessage::Type::AuthEnveloped
            ? QByteArray("authenveloped-data")
            : cms.type() == crypto::CmsMessage::Type::Compressed ? QByteArray("compressed-data")
                                                                 : QByteArray();
        if (!smimeType.isEmpty() && !expected.isEmpty() && smimeType != expected) {
            e.add(Step(QStringLiteral("smime.structure"), Status::Warning,
                tr("smime-type says %1 but the content is %2")
                    .arg(QString::fromLatin1(smimeType), QString::fromLatin1(expected)),
                tr("The CMS content type decides; the parameter is a hint for "
                   "receivers (RFC 8551 3.2.2)."),
                QStringLiteral("RFC 8551 3.2.2")));
        }
        if (cms.type() == crypto::CmsMessage::Type::Signed) {
            j.insert(QStringLiteral("type"), QStringLiteral("signed"));
            j.insert(QStringLiteral("detached"), false);
            signedData(der, {}, false, {}, sourceId, part, layer, e, j, &cms);
        } else if (enveloped) {
            j.insert(QStringLiteral("type"), QStringLiteral("encrypted"));
            envelopedData(cms, sourceId, part, layer, e, j);
        } else {
            j.insert(QStringLiteral("type"), cms.typeName());
            e.add(Step(QStringLiteral("smime.cms"), Status::Neutral,
                tr("CMS %1: not a signature or encryption Mailscope evaluates")
                    .arg(cms.typeName())));
            verdicts.append({ false, Status::None, {}, {}, {} });
        }
        out.append(j);
    }

    Step certificateStep(const crypto::Certificate& c, int depth, const QString& cmsSource,
        const crypto::CmsMessage* cms)
    {
        const QString id = certSource(c);
        Step s(QStringLiteral("smime.certificate"), Status::Info,
            depth == 0 ? tr("Signer: %1").arg(c.subject())
                       : tr("Issuer #%1: %2").arg(depth).arg(c.subject()));
        s.addFact(tr("Subject"), c.subject());
        s.addFact(tr("Issuer"), c.issuer());
        s.addFact(tr("Serial"), c.serialHex());
        s.addFact(tr("Valid from"), isoTime(c.notBefore()));
        s.addFact(tr("Valid until"), isoTime(c.notAfter()));
        s.addFact(tr("Key"), c.publicKeyDescription());
        s.addFact(tr("Signature algorithm"), c.signatureAlgorithm());
        s.addFact(tr("SHA-256"), c.sha256Fingerprint());
        if (!c.emails().isEmpty())
            s.addFact(tr("E-mail addresses"), c.emails().join(QStringLiteral(", ")));
        if (c.isCa())
            s.addFact(tr("CA"), tr("yes"));
        s.addSpan(id, 0, c.der().size());
        if (cms) {
            const QList<crypto::Certificate> certs = cms->certificates();
            const QList<crypto::DerRange> ranges = cms->certificateRanges();
            for (int i = 0; i < certs.size() && i < ranges.size(); ++i) {
                if (certs[i].der() == c.der() && ranges[i].isValid())
                    s.addSpan(cmsSource, ranges[i].offset, ranges[i].length);
            }
        }
        return s;
    }

    static QString problemsText(const QList<crypto::ChainProblem>& ps)
    {
        QStringList t;
        for (const crypto::ChainProblem& p : ps)
            t.append(QStringLiteral("%1 (depth %2)").arg(p.text).arg(p.depth));
        return t.join(QStringLiteral("; "));
    }

    void signedData(const QByteArray& der, const QByteArray& detachedContent, bool detached,
        const QByteArray& micalg, const QString& sourceId, const MimePart& sigPart, int layer,
        Step& e, QJsonObject& j, const crypto::CmsMessage* parsed = nullptr)
    {
        QString cmsError;
        crypto::CmsMessage local;
        if (!parsed) {
            local = der.size() > kMaxCmsBytes ? crypto::CmsMessage()
                                              : crypto::CmsMessage::parse(der, &cmsError);
            parsed = &local;
        }
        const crypto::CmsMessage& cms = *parsed;
        const QString cmsSource = addCmsSource(der);
        Step& cs = e.add(Step(QStringLiteral("smime.cms"), Status::Info,
            tr("CMS %1").arg(cms.isNull() ? tr("(unreadable)") : cms.typeName()),
            tr("ContentInfo holding the signature, the certificates and one "
               "SignerInfo per signer (RFC 5652 5.1)."),
            QStringLiteral("RFC 5652 5.1")));
        cs.addSpan(cmsSource, 0, der.size());
        if (!detached)
            cs.addSpan(sourceId, sigPart.bodyOffset, sigPart.bodyLength);
        j.insert(QStringLiteral("cmsSource"), cmsSource);
        if (cms.isNull() || cms.type() != crypto::CmsMessage::Type::Signed) {
            cs.status = Status::PermError;
            cs.detail = cms.isNull() ? cmsError
                                     : tr("The signature part holds a %1, not a "
                                          "signedData (RFC 8551 3.5.3).")
                                           .arg(cms.typeName());
            e.status = Status::PermError;
            j.insert(QStringLiteral("status"), statusName(Status::PermError));
            verdicts.append({ true, Status::PermError, QStringLiteral("malformed"),
                tr("the signature cannot be read"), {} });
            return;
        }
        cs.addFact(tr("Encapsulated content type"), cms.encapsulatedContentType());
        cs.addFact(tr("Digest algorithms"), cms.digestAlgorithms().join(QStringLiteral(", ")));
        cs.addFact(tr("Certificates included"), QString::number(cms.certificates().size()));
        cs.addFact(tr("Signers"), QString::number(cms.signers().size()));
        j.insert(QStringLiteral("cmsType"), cms.typeName());

        QByteArray content = detachedContent;
        if (!detached) {
            if (cms.isDetached()) {
                e.add(Step(QStringLiteral("smime.content"), Status::PermError,
                    tr("The signed content is missing"),
                    tr("An application/pkcs7-mime signed-data must carry its content "
                       "inside (RFC 8551 3.5.2); this one is detached."),
                    QStringLiteral("RFC 8551 3.5.2")));
                e.status = Status::PermError;
                j.insert(QStringLiteral("status"), statusName(Status::PermError));
                verdicts.append({ true, Status::PermError, QStringLiteral("no-content"),
                    tr("the signed content is missing"), {} });
                return;
            }
            content = cms.encapsulatedContent();
        }
        if (cms.signers().isEmpty()) {
            e.add(Step(QStringLiteral("smime.signer"), Status::None,
                tr("No signer: a certificates-only message"),
                tr("smime-type=certs-only carries certificates and no signature "
                   "(RFC 8551 3.6)."),
                QStringLiteral("RFC 8551 3.6")));
            verdicts.append({ false, Status::None, {}, {}, {} });
            j.insert(QStringLiteral("status"), statusName(Status::None));
            return;
        }

        QJsonArray signersJson;
        SignerVerdict best;
        bool haveBest = false;
        const QList<crypto::CmsSigner> signers = cms.signers();
        for (int i = 0; i < signers.size(); ++i) {
            QJsonObject sj;
            SignerVerdict v = signer(cms, cmsSource, i, content, micalg, e, sj);
            signersJson.append(sj);
            // Several signers: local policy decides (RFC 5652 5.1); ours is "any signer
            // verifies", the common practice.
            if (!haveBest || worse(v.status, best.status) == best.status) {
                best = v;
                haveBest = true;
            }
        }
        j.insert(QStringLiteral("signers"), signersJson);
        e.status = best.status;
        j.insert(QStringLiteral("status"), statusName(best.status));
        j.insert(QStringLiteral("reason"), best.reason);
        verdicts.append({ true, best.status, best.reason, best.text, best.signer });

        // Opaque signing: the content is inside the CMS; it may itself be S/MIME (triple
        // wrapping, RFC 8551 3.7).
        if (!detached && layer + 1 < kMaxLayers)
            innerContent(content, tr("Signed content (opaque signature)"), layer, e, j);
    }

    void innerContent(
        const QByteArray& content, const QString& title, int layer, Step& e, QJsonObject& j)
    {
        const Message inner = Message::parse(content);
        const QString id = addContentSource(inner.bytes(), title);
        Step& is = e.add(Step(QStringLiteral("smime.inner"), Status::Info,
            tr("%1: %2, %n byte(s)", nullptr, int(content.size()))
                .arg(title, QString::fromLatin1(inner.mime().contentType)),
            tr("The MIME entity inside the CMS structure, shown from memory "
               "only.")));
        is.addSpan(id, 0, inner.bytes().size());
        if (inner.isNormalized())
            is.addFact(tr("Line endings"), tr("normalized to CRLF for display"));
        QJsonArray innerJson;
        walk(inner, id, inner.mime(), 0, layer + 1, is, innerJson);
        j.insert(QStringLiteral("contentSource"), id);
        j.insert(QStringLiteral("innerContentType"), QString::fromLatin1(inner.mime().contentType));
        if (!innerJson.isEmpty())
            j.insert(QStringLiteral("inner"), innerJson);
    }

    SignerVerdict signer(const crypto::CmsMessage& cms, const QString& cmsSource, int index,
        const QByteArray& content, const QByteArray& micalg, Step& e, QJsonObject& sj)
    {
        SignerVerdict v;
        const crypto::CmsSigner si = cms.signers()[index];
        const QList<crypto::Certificate> certs = cms.certificates();
        const crypto::Certificate cert
            = si.certificateIndex >= 0 ? certs[si.certificateIndex] : crypto::Certificate();
        const QString who = cert.isNull()
            ? (si.sidIssuer.isEmpty() ? tr("key id %1").arg(si.sidKeyIdHex)
                                      : tr("serial %1 from %2").arg(si.sidSerialHex, si.sidIssuer))
            : (cert.commonName().isEmpty() ? cert.subject() : cert.commonName());
        v.signer = cert.isNull() || cert.emails().isEmpty()
            ? who
            : QStringLiteral("%1 <%2>").arg(who, cert.emails().first());
        Step& s = e.add(Step(QStringLiteral("smime.signer"), Status::Info,
            tr("Signer #%1: %2").arg(index + 1).arg(v.signer),
            tr("One SignerInfo: who signed, with which algorithms, and the "
               "signed attributes (RFC 5652 5.3)."),
            QStringLiteral("RFC 5652 5.3")));
        s.addFact(tr("Digest algorithm"), si.digestAlgorithm);
        s.addFact(tr("Signature algorithm"), si.signatureAlgorithm);
        if (!si.sidIssuer.isEmpty())
            s.addFact(tr("Signer identifier"),
                tr("issuer %1, serial %2").arg(si.sidIssuer, si.sidSerialHex));
        else
            s.addFact(tr("Signer identifier"), tr("subject key id %1").arg(si.sidKeyIdHex));
        if (si.hasSignedAttributes)
            s.addFact(tr("Signed attributes"), si.signedAttributes.join(QStringLiteral(", ")));
        sj.insert(QStringLiteral("digestAlgorithm"), si.digestAlgorithm);
        sj.insert(QStringLiteral("signatureAlgorithm"), si.signatureAlgorithm);
        sj.insert(QStringLiteral("signer"), v.signer);
        if (!micalg.isEmpty()) {
            // micalg names the digest for the receiver's convenience (RFC 8551 3.5.3.2).
            QByteArray norm = si.digestAlgorithm.toLatin1().toLower();
            norm.replace("sha", "sha-");
            if (norm != micalg)
                s.add(Step(QStringLiteral("smime.micalg"), Status::Warning,
                    tr("micalg=%1 does not name the digest used (%2)")
                        .arg(QString::fromLatin1(micalg), si.digestAlgorithm),
                    tr("Harmless for verification, which uses the SignerInfo; a sign of "
                       "a careless sender (RFC 8551 3.5.3.2)."),
                    QStringLiteral("RFC 8551 3.5.3.2")));
        }

        // 1. Digest of the content vs the messageDigest attribute.
        const crypto::CmsSignerCheck chk = cms.verifySigner(index, content);
        {
            Step d(QStringLiteral("smime.digest"), Status::Pass, QString(), QString(),
                QStringLiteral("RFC 5652 5.4"));
            d.addFact(
                tr("Computed (%1)").arg(si.digestAlgorithm), crypto::hexDigest(chk.computedDigest));
            if (si.hasSignedAttributes)
                d.addFact(tr("Signed (messageDigest)"), crypto::hexDigest(si.messageDigest));
            if (!chk.digestComputed) {
                d.status = Status::PermError;
                d.title = tr("The content digest cannot be computed");
                d.detail = chk.error;
                v.worsen(Status::PermError, QStringLiteral("unsupported-digest"), chk.error);
            } else if (!si.hasSignedAttributes) {
                d.status = chk.digestMatches ? Status::Pass : Status::Fail;
                d.title = chk.digestMatches
                    ? tr("The signature covers the content directly and matches")
                    : tr("The content does not match the signature");
                d.detail = tr("Without signed attributes the signature is computed over the "
                              "content digest itself (RFC 5652 5.4).");
                if (!chk.digestMatches)
                    v.worsen(Status::Fail, QStringLiteral("content-modified"),
                        tr("the content was changed after it was signed"));
            } else if (chk.digestMatches) {
                d.title = tr("Content digest matches the signed messageDigest");
                d.detail = tr("The %1 digest of the signed bytes equals the messageDigest "
                              "attribute: the content is unchanged (RFC 5652 5.4, 11.2).")
                               .arg(si.digestAlgorithm);
            } else {
                d.status = Status::Fail;
                d.title = tr("Content digest differs from the signed messageDigest");
                d.detail = tr("The signed bytes hash to a different value than the one the "
                              "signer recorded: the content was changed after signing (a "
                              "gateway footer, re-encoding, line-ending or whitespace change) "
                              "(RFC 5652 5.4, 11.2).");
                v.worsen(Status::Fail, QStringLiteral("content-modified"),
                    tr("the content was changed after it was signed"));
            }
            sj.insert(QStringLiteral("digestComputed"), crypto::hexDigest(chk.computedDigest));
            sj.insert(QStringLiteral("digestSigned"), crypto::hexDigest(si.messageDigest));
            sj.insert(QStringLiteral("digestMatches"), chk.digestMatches);
            s.add(std::move(d));
        }

        // 2. The signature itself.
        if (cert.isNull()) {
            s.add(Step(QStringLiteral("smime.signature"), Status::PermError,
                tr("The signer's certificate is not in the message"),
                tr("Without it the signature cannot be checked; senders normally "
                   "include it (RFC 8551 3.1, RFC 5652 5.3)."),
                QStringLiteral("RFC 8551 3.1")));
            v.worsen(Status::PermError, QStringLiteral("no-certificate"),
                tr("the signer's certificate is missing"));
            sj.insert(QStringLiteral("signatureValid"), QJsonValue::Null);
            sj.insert(QStringLiteral("status"), statusName(v.status));
            sj.insert(QStringLiteral("reason"), v.reason);
            s.status = v.status;
            return v;
        }
        if (si.hasSignedAttributes) {
            Step sg(QStringLiteral("smime.signature"),
                chk.signatureValid == 1 ? Status::Pass : Status::Fail,
                chk.signatureValid == 1 ? tr("Signature over the signed attributes is valid")
                                        : tr("Signature over the signed attributes is invalid"),
                chk.signatureValid == 1
                    ? tr("The %1 signature verifies with the signer's public key (%2) over "
                         "the DER of the signed attributes, which include the digest "
                         "above (RFC 5652 5.4).")
                          .arg(si.signatureAlgorithm, cert.publicKeyDescription())
                    : tr("The signature does not verify with the signer's public key: the "
                         "signed attributes or the signature were altered, or the "
                         "certificate is not the signer's (RFC 5652 5.6). %1")
                          .arg(chk.error),
                QStringLiteral("RFC 5652 5.6"));
            s.add(std::move(sg));
            if (chk.signatureValid != 1)
                v.worsen(Status::Fail, QStringLiteral("bad-signature"),
                    tr("the signature does not verify"));
        }
        sj.insert(QStringLiteral("signatureValid"), chk.signatureValid == 1);

        // 3. signingTime.
        if (si.signingTime.isValid()) {
            s.add(Step(QStringLiteral("smime.signing-time"), Status::Info,
                tr("Signed at %1 (by the signer's clock)").arg(isoTime(si.signingTime)),
                tr("signingTime is a signed attribute set by the sender's software; "
                   "certificate validity is judged at that time (RFC 5652 11.3)."),
                QStringLiteral("RFC 5652 11.3")));
            sj.insert(QStringLiteral("signingTime"), isoTime(si.signingTime));
        } else {
            s.add(Step(QStringLiteral("smime.signing-time"), Status::Info,
                tr("No signingTime attribute"),
                tr("Validity is judged at the evaluation time only (RFC 5652 11.3)."),
                QStringLiteral("RFC 5652 11.3")));
        }

        // 4. The chain, at signing time and now.
        const QDateTime now = m_ctx.evaluationTime.isValid() ? m_ctx.evaluationTime
                                                             : QDateTime::currentDateTimeUtc();
        const crypto::ChainResult atNow
            = m_trust.verify(cert, certs, now, crypto::TrustStore::Purpose::Any);
        const crypto::ChainResult atSigning = si.signingTime.isValid()
            ? m_trust.verify(cert, certs, si.signingTime, crypto::TrustStore::Purpose::Any)
            : atNow;
        {
            Step ch(QStringLiteral("smime.chain"), Status::Pass, QString(), QString(),
                QStringLiteral("RFC 5280 6.1"));
            const crypto::ChainResult& ref = atSigning;
            QJsonArray chainJson;
            for (int depth = 0; depth < ref.chain.size(); ++depth) {
                const crypto::Certificate& c = ref.chain[depth];
                Step cst = certificateStep(c, depth, cmsSource, &cms);
                Status cstatus = Status::Pass;
                for (const crypto::ChainProblem& p : ref.problems) {
                    if (p.depth == depth && !isTimeProblem(p.code)) {
                        cstatus = Status::Fail;
                        cst.add(Step(QStringLiteral("smime.chain.problem"), Status::Fail, p.text,
                            {}, QStringLiteral("RFC 5280 6.1.3")));
                    }
                }
                cst.status = cstatus;
                ch.add(std::move(cst));
                chainJson.append(QJsonObject { { QStringLiteral("subject"), c.subject() },
                    { QStringLiteral("issuer"), c.issuer() },
                    { QStringLiteral("serial"), c.serialHex() },
                    { QStringLiteral("notBefore"), isoTime(c.notBefore()) },
                    { QStringLiteral("notAfter"), isoTime(c.notAfter()) },
                    { QStringLiteral("sha256"), c.sha256Fingerprint() },
                    { QStringLiteral("source"), certSource(c) } });
            }
            sj.insert(QStringLiteral("chain"), chainJson);
            QList<crypto::ChainProblem> trustProblems, otherProblems;
            for (const crypto::ChainProblem& p : ref.problems) {
                if (isTrustProblem(p.code))
                    trustProblems.append(p);
                else if (!isTimeProblem(p.code))
                    otherProblems.append(p);
            }
            const bool trusted = trustProblems.isEmpty() && otherProblems.isEmpty();
            sj.insert(QStringLiteral("trusted"), trusted);
            if (!trustProblems.isEmpty()) {
                ch.status = Status::Fail;
                ch.title = tr("The certificate does not chain to a trusted authority");
                ch.detail
                    = tr("No path from the signer's certificate to a trust anchor (the "
                         "system store%1): %2. Add the issuing CA as a trust file if you "
                         "trust it (RFC 5280 6.1).")
                          .arg(m_trust.userCertificates().isEmpty() ? QString()
                                                                    : tr(" or your trust files"),
                              problemsText(trustProblems));
                v.worsen(Status::Fail, QStringLiteral("untrusted"),
                    tr("the signer's certificate is not from a trusted authority"));
            } else if (!otherProblems.isEmpty()) {
                ch.status = Status::Fail;
                ch.title = tr("The certificate chain is invalid");
                ch.detail = problemsText(otherProblems);
                v.worsen(Status::Fail, QStringLiteral("bad-chain"),
                    tr("the signer's certificate chain is invalid: %1")
                        .arg(problemsText(otherProblems)));
            } else {
                ch.title = tr("Chain of %n certificate(s) ends in a trusted authority", nullptr,
                    int(ref.chain.size()));
                ch.detail = tr("Every certificate is signed by the next, and the last is a "
                               "trust anchor (RFC 5280 6.1).");
            }
            s.add(std::move(ch));
        }

        // 5. Validity at signing time and now.
        auto timeProblems = [](const crypto::ChainResult& r) {
            QList<crypto::ChainProblem> out;
            for (const crypto::ChainProblem& p : r.problems) {
                if (isTimeProblem(p.code))
                    out.append(p);
            }
            return out;
        };
        const QList<crypto::ChainProblem> tpSign = timeProblems(atSigning);
        const QList<crypto::ChainProblem> tpNow = timeProblems(atNow);
        const bool okSigning = tpSign.isEmpty();
        const bool okNow = tpNow.isEmpty();
        sj.insert(QStringLiteral("validAtSigningTime"),
            si.signingTime.isValid() ? QJsonValue(okSigning) : QJsonValue::Null);
        sj.insert(QStringLiteral("validNow"), okNow);
        sj.insert(QStringLiteral("evaluationTime"), isoTime(now));
        auto timeCode = [](const QList<crypto::ChainProblem>& ps) {
            for (const crypto::ChainProblem& p : ps) {
                if (p.code == X509_V_ERR_CERT_NOT_YET_VALID)
                    return QStringLiteral("not-yet-valid");
            }
            return QStringLiteral("expired");
        };
        if (si.signingTime.isValid()) {
            Step vs(QStringLiteral("smime.validity.signing-time"),
                okSigning ? Status::Pass : Status::Fail,
                okSigning ? tr("Certificates were valid when the message was signed (%1)")
                                .arg(isoTime(si.signingTime))
                          : tr("Certificates were not valid when the message was signed (%1)")
                                .arg(isoTime(si.signingTime)),
                okSigning ? QString() : problemsText(tpSign), QStringLiteral("RFC 5280 6.1.3"));
            s.add(std::move(vs));
            if (!okSigning)
                v.worsen(Status::Fail, timeCode(tpSign),
                    timeCode(tpSign) == QLatin1String("expired")
                        ? tr("the signer's certificate had expired when the message was "
                             "signed")
                        : tr("the signer's certificate was not yet valid when the message "
                             "was signed"));
        }
        {
            Status st = okNow ? Status::Pass : Status::Fail;
            if (!okNow && si.signingTime.isValid() && okSigning)
                st = Status::Warning; // expired since: the signature was fine when made
            Step vn(QStringLiteral("smime.validity.now"), st,
                okNow ? tr("Certificates are valid at the evaluation time (%1)").arg(isoTime(now))
                      : tr("Certificates are not valid at the evaluation time (%1)")
                            .arg(isoTime(now)),
                okNow ? QString()
                      : (st == Status::Warning
                              ? tr("%1. The signature was made while they were valid, which "
                                   "is what counts for a signed message; note that "
                                   "signingTime is claimed by the signer.")
                                    .arg(problemsText(tpNow))
                              : problemsText(tpNow)),
                QStringLiteral("RFC 5280 6.1.3"));
            s.add(std::move(vn));
            if (!okNow && !si.signingTime.isValid())
                v.worsen(Status::Fail, timeCode(tpNow),
                    timeCode(tpNow) == QLatin1String("expired")
                        ? tr("the signer's certificate has expired")
                        : tr("the signer's certificate is not yet valid"));
        }

        // 6. Key usage / extended key usage (RFC 8550 4.4.2, 4.4.4).
        {
            const QStringList ku = cert.keyUsage();
            const QStringList eku = cert.extendedKeyUsage();
            const bool kuOk = !cert.hasKeyUsage() || ku.contains(QLatin1String("digitalSignature"))
                || ku.contains(QLatin1String("nonRepudiation"));
            const bool ekuOk = eku.isEmpty() || eku.contains(QLatin1String("emailProtection"))
                || eku.contains(QLatin1String("anyExtendedKeyUsage"));
            Step u(QStringLiteral("smime.key-usage"), kuOk && ekuOk ? Status::Pass : Status::Fail,
                kuOk && ekuOk ? tr("The certificate may sign e-mail")
                              : tr("The certificate is not for signing e-mail"),
                QString(), QStringLiteral("RFC 8550 4.4.4"));
            u.addFact(tr("Key usage"),
                cert.hasKeyUsage() ? ku.join(QStringLiteral(", ")) : tr("(absent: any)"));
            u.addFact(tr("Extended key usage"),
                eku.isEmpty() ? tr("(absent: any)") : eku.join(QStringLiteral(", ")));
            if (!kuOk)
                u.detail = tr("keyUsage is present but has neither digitalSignature nor "
                              "nonRepudiation (RFC 8550 4.4.2).");
            else if (!ekuOk)
                u.detail = tr("extendedKeyUsage is present without emailProtection, so the "
                              "certificate was issued for something else (RFC 8550 4.4.4).");
            else
                u.detail = tr("keyUsage and extendedKeyUsage allow e-mail signatures "
                              "(RFC 8550 4.4.2, 4.4.4).");
            s.add(std::move(u));
            sj.insert(QStringLiteral("keyUsage"), QJsonArray::fromStringList(ku));
            sj.insert(QStringLiteral("extendedKeyUsage"), QJsonArray::fromStringList(eku));
            sj.insert(QStringLiteral("usageOk"), kuOk && ekuOk);
            if (!(kuOk && ekuOk))
                v.worsen(Status::Fail, QStringLiteral("wrong-usage"),
                    tr("the signer's certificate is not meant for e-mail signatures"));
        }

        // 7. Signer address vs From (RFC 8550 3).
        {
            const QStringList emails = cert.emails();
            const bool fromOk = !m_from.isEmpty() && emails.contains(m_from);
            const bool senderOk = !m_sender.isEmpty() && emails.contains(m_sender);
            Step a(QStringLiteral("smime.address"), Status::Pass, QString(), QString(),
                QStringLiteral("RFC 8550 3"));
            a.addFact(tr("From"), m_from.isEmpty() ? tr("(none)") : m_from);
            if (!m_sender.isEmpty())
                a.addFact(tr("Sender"), m_sender);
            a.addFact(tr("Certificate addresses"),
                emails.isEmpty() ? tr("(none)") : emails.join(QStringLiteral(", ")));
            if (fromOk || senderOk) {
                a.title = tr("The signer's certificate names %1").arg(fromOk ? m_from : m_sender);
                a.detail = tr("The address in %1 is one of the certificate's e-mail addresses "
                              "(RFC 8550 3).")
                               .arg(fromOk ? QStringLiteral("From") : QStringLiteral("Sender"));
            } else {
                a.status = Status::Policy;
                a.title = emails.isEmpty() ? tr("The signer's certificate has no e-mail address")
                                           : tr("Signed by %1, but the From address is %2")
                                                 .arg(emails.join(QStringLiteral(", ")),
                                                     m_from.isEmpty() ? tr("missing") : m_from);
                a.detail = tr("Receivers must check that the From or Sender address appears "
                              "in the signer's certificate (RFC 8550 3). The signature is "
                              "intact but was made by someone else than the visible sender.");
                v.worsen(Status::Policy, QStringLiteral("address-mismatch"),
                    tr("signed by %1, not by the From address %2")
                        .arg(emails.isEmpty() ? who : emails.first(), m_from));
            }
            sj.insert(QStringLiteral("emails"), QJsonArray::fromStringList(emails));
            sj.insert(QStringLiteral("fromAddress"), m_from);
            sj.insert(QStringLiteral("addressMatchesFrom"), fromOk || senderOk);
            s.add(std::move(a));
        }
        s.status = v.status;
        if (v.status == Status::Pass)
            v.text = tr("signed by %1, certificate trusted").arg(v.signer);
        sj.insert(QStringLiteral("status"), statusName(v.status));
        sj.insert(QStringLiteral("reason"), v.reason);
        sj.insert(QStringLiteral("subject"), cert.subject());
        sj.insert(QStringLiteral("issuer"), cert.issuer());
        sj.insert(QStringLiteral("serial"), cert.serialHex());
        return v;
    }

    void envelopedData(const crypto::CmsMessage& cms, const QString& sourceId, const MimePart& part,
        int layer, Step& e, QJsonObject& j)
    {
        const QString cmsSource = addCmsSource(cms.der());
        Step& cs = e.add(Step(QStringLiteral("smime.cms"), Status::Info,
            tr("CMS %1, content encrypted with %2")
                .arg(cms.typeName(), cms.contentEncryptionAlgorithm()),
            tr("A random content key encrypts the content; it is encrypted "
               "once per recipient (RFC 5652 6.1)."),
            QStringLiteral("RFC 5652 6.1")));
        cs.addSpan(cmsSource, 0, cms.der().size());
        cs.addSpan(sourceId, part.bodyOffset, part.bodyLength);
        j.insert(QStringLiteral("cmsType"), cms.typeName());
        j.insert(QStringLiteral("cmsSource"), cmsSource);
        j.insert(QStringLiteral("contentEncryptionAlgorithm"), cms.contentEncryptionAlgorithm());
        const QString alg = cms.contentEncryptionAlgorithm().toLower();
        if (alg.contains(QLatin1String("rc2")) || alg.contains(QLatin1String("des-cbc"))
            || alg == QLatin1String("des-ede3-cbc"))
            cs.add(Step(QStringLiteral("smime.algorithm"), Status::Warning,
                tr("%1 is a legacy content cipher").arg(cms.contentEncryptionAlgorithm()),
                tr("RFC 8551 2.7 requires AES-128 (GCM or CBC) support and recommends "
                   "against older ciphers."),
                QStringLiteral("RFC 8551 2.7")));
        QJsonArray rj;
        Step& rs = e.add(Step(QStringLiteral("smime.recipients"), Status::Info,
            tr("%n recipient(s)", nullptr, int(cms.recipients().size())),
            tr("Each RecipientInfo names a certificate (issuer and serial, or "
               "key identifier) whose private key can open the message "
               "(RFC 5652 6.2)."),
            QStringLiteral("RFC 5652 6.2")));
        for (const crypto::CmsRecipient& r : cms.recipients()) {
            Step& one = rs.add(Step(QStringLiteral("smime.recipient"), Status::Info,
                r.issuer.isEmpty()
                    ? tr("%1 recipient, key id %2").arg(r.type, r.keyIdHex)
                    : tr("%1 recipient: serial %2 from %3").arg(r.type, r.serialHex, r.issuer)));
            one.addFact(tr("Key encryption"), r.keyEncryptionAlgorithm);
            rj.append(QJsonObject { { QStringLiteral("type"), r.type },
                { QStringLiteral("issuer"), r.issuer }, { QStringLiteral("serial"), r.serialHex },
                { QStringLiteral("keyId"), r.keyIdHex },
                { QStringLiteral("keyEncryptionAlgorithm"), r.keyEncryptionAlgorithm } });
        }
        j.insert(QStringLiteral("recipients"), rj);
        j.insert(QStringLiteral("status"), statusName(Status::None));

        if (m_ctx.options.pkcs12File.isEmpty()) {
            e.add(Step(QStringLiteral("smime.decrypt"), Status::Info,
                tr("Not decrypted: no PKCS#12 key given"),
                tr("Give your key (PKCS#12) to decrypt in memory and verify what is "
                   "inside.")));
            j.insert(QStringLiteral("decrypted"), false);
            verdicts.append({ false, Status::None, QStringLiteral("encrypted"),
                tr("encrypted for %n recipient(s); no key given to open it", nullptr,
                    int(cms.recipients().size())),
                {} });
            return;
        }
        QFile f(m_ctx.options.pkcs12File);
        QByteArray p12;
        if (f.open(QIODevice::ReadOnly) && f.size() < 16 * 1024 * 1024)
            p12 = f.readAll();
        crypto::CmsDecryptResult dr;
        if (p12.isEmpty())
            dr.error = tr("cannot read %1").arg(m_ctx.options.pkcs12File);
        else
            dr = cms.decrypt(p12, m_ctx.options.pkcs12Password);
        Step& ds = e.add(Step(QStringLiteral("smime.decrypt"),
            dr.ok ? Status::Pass : Status::PermError,
            dr.ok ? tr("Decrypted in memory with recipient #%1's key").arg(dr.recipientIndex + 1)
                  : tr("Could not decrypt"),
            dr.ok ? tr("Key of %1. The decrypted content is kept in memory "
                       "only, never written to disk.")
                        .arg(dr.certificate.subject())
                  : dr.error,
            QStringLiteral("RFC 5652 6.2")));
        j.insert(QStringLiteral("decrypted"), dr.ok);
        if (!dr.ok) {
            j.insert(QStringLiteral("decryptError"), dr.error);
            verdicts.append({ false, Status::None, QStringLiteral("encrypted"),
                tr("encrypted; could not decrypt: %1").arg(dr.error), {} });
            return;
        }
        j.insert(QStringLiteral("decryptedWithRecipient"), dr.recipientIndex + 1);
        const int before = int(verdicts.size());
        if (layer + 1 < kMaxLayers)
            innerContent(dr.content, tr("Decrypted content"), layer, ds, j);
        bool innerSigned = false;
        for (int i = before; i < verdicts.size(); ++i)
            innerSigned = innerSigned || verdicts[i].isSigned;
        if (!innerSigned)
            verdicts.append({ false, Status::None, QStringLiteral("encrypted"),
                tr("encrypted and decrypted; the content is not signed"), {} });
    }

    const CheckContext& m_ctx;
    crypto::TrustStore m_trust;
    QString m_from, m_sender;
    int m_entities = 0, m_cmsCount = 0, m_certCount = 0, m_contentCount = 0;
};

} // namespace

QByteArray contentTypeParameter(QByteArrayView value, QByteArrayView name)
{
    // Split on ';' outside quotes; then name=value with optional quotes (RFC 2045 5.1).
    qsizetype i = 0;
    const qsizetype n = value.size();
    bool first = true;
    while (i < n) {
        qsizetype start = i;
        bool quoted = false;
        while (i < n && (quoted || value[i] != ';')) {
            if (value[i] == '"')
                quoted = !quoted;
            else if (quoted && value[i] == '\\')
                ++i;
            ++i;
        }
        const QByteArray item = value.sliced(start, std::min(i, n) - start).toByteArray().trimmed();
        ++i;
        if (first) {
            first = false; // the type/subtype itself
            continue;
        }
        const qsizetype eq = item.indexOf('=');
        if (eq <= 0)
            continue;
        if (item.left(eq).trimmed().compare(name.toByteArray(), Qt::CaseInsensitive) != 0)
            continue;
        QByteArray v = item.mid(eq + 1).trimmed();
        if (v.size() >= 2 && v.startsWith('"') && v.endsWith('"')) {
            QByteArray un;
            for (qsizetype k = 1; k + 1 < v.size(); ++k) {
                if (v[k] == '\\' && k + 2 < v.size())
                    ++k;
                un += v[k];
            }
            v = un;
        }
        return v;
    }
    return {};
}

CheckResult check(const CheckContext& ctx)
{
    CheckResult r;
    r.name = QStringLiteral("smime");
    r.step
        = Step(QStringLiteral("smime"), Status::None, tr("S/MIME"), {}, QStringLiteral("RFC 8551"));
    Walker w(ctx);
    Step trust = w.trustStep();
    QJsonArray entities;
    Step holder;
    if (ctx.message.hasBody())
        w.walk(ctx.message, QStringLiteral("message"), ctx.message.mime(), 0, 0, holder, entities);

    SmimeOutcome o;
    const EntityVerdict* chosen = nullptr;
    bool anySigned = false;
    for (const EntityVerdict& v : w.verdicts) {
        if (v.isSigned) {
            if (!anySigned || worse(v.status, chosen->status) == v.status)
                chosen = &v;
            anySigned = true;
        } else if (!anySigned && !chosen) {
            chosen = &v;
        }
    }
    if (w.verdicts.isEmpty()) {
        r.status = Status::None;
        r.summary = tr("none: the message has no S/MIME signature or encryption");
        r.step.title = tr("S/MIME: none");
        r.step.detail = tr("No multipart/signed or application/pkcs7-mime part was found "
                           "(RFC 8551 3.2, 3.5).");
        o.reason = QStringLiteral("no-smime");
    } else {
        r.status = chosen->status;
        o.signer = chosen->signer;
        o.reason = chosen->reason;
        const QString text = chosen->text;
        r.summary = QStringLiteral("%1: %2").arg(statusName(r.status), text);
        r.step.title = tr("S/MIME: %1").arg(r.summary);
        r.step.detail = tr("%n S/MIME entity(ies) examined.", nullptr, int(w.verdicts.size()));
    }
    o.status = r.status;
    r.step.status = r.status;
    r.step.add(std::move(trust));
    for (Step& c : holder.children)
        r.step.add(std::move(c));
    r.sources = w.sources;
    r.outcomes.smime = o;
    r.json = QJsonObject { { QStringLiteral("result"), statusName(r.status) },
        { QStringLiteral("status"), statusName(r.status) },
        { QStringLiteral("summary"), r.summary }, { QStringLiteral("signer"), o.signer },
        { QStringLiteral("reason"), o.reason },
        { QStringLiteral("evaluationTime"), isoTime(ctx.evaluationTime) },
        { QStringLiteral("entities"), entities } };
    return r;
}

} // namespace ms::smime
