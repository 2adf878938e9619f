#include "arc/Arc.h"

#include "crypto/Base64.h"
#include "crypto/Digest.h"
#include "crypto/Keys.h"
#include "dkim/BodyDigests.h"
#include "dkim/Canon.h"
#include "dkim/KeyRecord.h"
#include "dkim/TagList.h"
#include "trace/JsonText.h"
#include "trace/Translate.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>

#include <map>

namespace ms::arc {

namespace {

QString tr(const char* text)
{
    return ms::translate("ms::arc", text);
}

constexpr int kMaxInstance = 50; // RFC 8617 4.2.1

QString noArcReason()
{
    return tr("none: the message has no ARC header fields");
}

// i= of an AMS/AS tag-list, or of an AAR: 1*DIGIT, 1..50 (RFC 8617 4.2.1).
int parseInstance(QByteArrayView v, QString* problem)
{
    const QByteArray t = v.trimmed().toByteArray();
    bool digits = !t.isEmpty() && t.size() <= 6;
    for (char c : t)
        digits = digits && c >= '0' && c <= '9';
    if (!digits) {
        *problem = tr("i=%1 is not a decimal instance number (RFC 8617 4.2.1).")
                       .arg(QString::fromUtf8(t.left(40)));
        return 0;
    }
    const int n = t.toInt();
    if (t.size() > 2) {
        // position = 1*2DIGIT (RFC 8617 3.9)
        *problem = tr("i=%1 has more than two digits (RFC 8617 3.9).").arg(QString::fromUtf8(t));
        return n;
    }
    if (n < 1 || n > kMaxInstance) {
        *problem = tr("i=%1 is outside 1..50 (RFC 8617 4.2.1).").arg(n);
        return n < 1 ? 0 : n;
    }
    return n;
}

struct Algorithm {
    crypto::KeyType key = crypto::KeyType::None;
    crypto::DigestAlgorithm digest = crypto::DigestAlgorithm::Sha256;
};

std::optional<Algorithm> parseAlgorithm(const QByteArray& a, QString* why)
{
    const QByteArray l = a.toLower();
    if (l == "rsa-sha256")
        return Algorithm { crypto::KeyType::Rsa, crypto::DigestAlgorithm::Sha256 };
    if (l == "ed25519-sha256")
        return Algorithm { crypto::KeyType::Ed25519, crypto::DigestAlgorithm::Sha256 };
    if (l == "rsa-sha1")
        *why = tr("a=rsa-sha1 is not accepted: RFC 8301 3.1 forbids verifiers to treat SHA-1 "
                  "signatures as valid.");
    else
        *why = tr("Unknown signing algorithm a=%1 (RFC 6376 3.5).").arg(QString::fromUtf8(a));
    return std::nullopt;
}

// Key lookups shared by every AMS/AS of one chain (the same key usually signs both).
class KeyFetcher
{
public:
    KeyFetcher(dns::Resolver& r, const std::atomic_bool* c)
        : m_dns(r)
        , m_cancelled(c)
    {
    }

    // The usable key for d/s, or nullptr with *why. The DNS step goes into `step`.
    dkim::KeyRecordPtr get(
        const QByteArray& d, const QByteArray& s, const Algorithm& alg, Step& step, QString* why)
    {
        const QByteArray name = s + "._domainkey." + d;
        dns::Answer a;
        const auto it = m_cache.constFind(name.toLower());
        if (it != m_cache.constEnd()) {
            a = *it;
        } else if (m_cancelled && m_cancelled->load()) {
            a.qname = name.toLower();
            a.qtype = dns::Type::TXT;
            a.outcome = dns::Outcome::Cancelled;
            m_cache.insert(name.toLower(), a);
        } else {
            a = m_dns.resolve(name.toLower(), dns::Type::TXT);
            m_cache.insert(name.toLower(), a);
        }
        step.add(dns::answerStep(a));
        if (a.isTemporaryError()) {
            *why = tr("The key %1 could not be fetched (%2). RFC 8617 5.2.1: every error, DNS "
                      "included, is a permanent failure for ARC.")
                       .arg(QString::fromUtf8(name), dns::outcomeName(a.outcome));
            return nullptr;
        }
        QList<dkim::KeyRecordPtr> keys;
        for (const dns::Record& r : a.ofType(dns::Type::TXT))
            keys.append(dkim::KeyCache::instance().get(r.text()));
        if (keys.isEmpty()) {
            *why = tr("No key record at %1 (RFC 6376 6.1.2).").arg(QString::fromUtf8(name));
            return nullptr;
        }
        QString last;
        for (const dkim::KeyRecordPtr& k : keys) {
            if (k->discard)
                continue;
            if (k->revoked) {
                last = tr("The key at %1 is revoked (empty p=).").arg(QString::fromUtf8(name));
                continue;
            }
            if (!k->usable) {
                last = k->problem;
                continue;
            }
            if (!k->allowsEmail()) {
                last = tr("The key at %1 is not for e-mail (s= service type, RFC 6376 3.6.1).")
                           .arg(QString::fromUtf8(name));
                continue;
            }
            if (k->key.type() != alg.key) {
                last = tr("The key at %1 is %2, the signature needs %3 (RFC 6376 3.6.1 k=).")
                           .arg(QString::fromUtf8(name), crypto::keyTypeName(k->key.type()),
                               crypto::keyTypeName(alg.key));
                continue;
            }
            if (!k->allowsHash(crypto::digestName(alg.digest).toLatin1())) {
                last = tr("The key's h= does not allow %1.").arg(crypto::digestName(alg.digest));
                continue;
            }
            if (alg.key == crypto::KeyType::Rsa && k->key.bits() < 1024) {
                last = tr("The RSA key has %1 bits; RFC 8301 3.2: keys under 1024 bits are not "
                          "valid.")
                           .arg(k->key.bits());
                continue;
            }
            return k;
        }
        *why = last.isEmpty() ? tr("No usable key record at %1.").arg(QString::fromUtf8(name))
                              : last;
        return nullptr;
    }

private:
    dns::Resolver& m_dns;
    const std::atomic_bool* m_cancelled;
    QHash<QByteArray, dns::Answer> m_cache;
};

Step fail(Step& s, const QString& why, QString* reason)
{
    s.status = Status::Fail;
    s.detail = s.detail.isEmpty() ? why : s.detail + QLatin1Char(' ') + why;
    *reason = why;
    return s;
}

// RFC 8617 4.1.2 / 5.2 step 4-5: an AMS verified like a DKIM-Signature.
Status verifyAms(const Message& m, const dkim::BodyDigests* digests, int fieldIndex, int instance,
    KeyFetcher& keys, Step& s, QString* reason, QList<Source>& sources, Hop& hop)
{
    const HeaderField& f = m.headers()[fieldIndex];
    s = Step(QStringLiteral("arc.ams"), Status::Info,
        tr("ARC-Message-Signature i=%1").arg(instance), {}, QStringLiteral("RFC 8617 4.1.2"));
    s.addSpan(QStringLiteral("message"), f.offset, f.raw.size());
    const dkim::TagList tags = dkim::TagList::parse(f.value, f.valueOffset);
    if (!tags.isValid()) {
        fail(s, tr("The tag-list is malformed: %1 (RFC 6376 3.2).").arg(tags.errors().first().text),
            reason);
        return Status::Fail;
    }
    for (const char* req : { "a", "b", "bh", "d", "h", "s" }) {
        if (!tags.has(req)) {
            fail(s, tr("The required tag %1= is missing (RFC 6376 3.5).").arg(QLatin1String(req)),
                reason);
            return Status::Fail;
        }
    }
    const QByteArray d = tags.value("d").trimmed(), sel = tags.value("s").trimmed();
    hop.amsDomain = QString::fromUtf8(d);
    hop.amsSelector = QString::fromUtf8(sel);
    s.addFact(QStringLiteral("d"), hop.amsDomain);
    s.addFact(QStringLiteral("s"), hop.amsSelector);
    s.addFact(QStringLiteral("a"), QString::fromUtf8(tags.value("a")));
    QString why;
    const auto alg = parseAlgorithm(tags.value("a").trimmed(), &why);
    if (!alg) {
        fail(s, why, reason);
        return Status::Fail;
    }
    // c= header/body, default simple/simple.
    dkim::Canon hc = dkim::Canon::Simple, bc = dkim::Canon::Simple;
    if (tags.has("c")) {
        const QList<QByteArray> parts = tags.value("c").trimmed().split('/');
        const auto h = dkim::canonFromName(parts.value(0));
        const auto b = parts.size() > 1 ? dkim::canonFromName(parts.value(1))
                                        : std::optional<dkim::Canon>(dkim::Canon::Simple);
        if (!h || !b || parts.size() > 2) {
            fail(s,
                tr("c=%1 is not a canonicalization (RFC 6376 3.5).")
                    .arg(QString::fromUtf8(tags.value("c"))),
                reason);
            return Status::Fail;
        }
        hc = *h;
        bc = *b;
    }
    s.addFact(QStringLiteral("c"), dkim::canonName(hc) + QLatin1Char('/') + dkim::canonName(bc));
    const QList<QByteArray> names = dkim::splitHeaderList(tags.value("h"));
    QList<QByteArray> lowerNames;
    for (const QByteArray& n : names)
        lowerNames << n.toLower();
    if (lowerNames.contains("arc-seal")) {
        fail(s, tr("h= includes ARC-Seal: an AMS must not sign ARC-Seal fields (RFC 8617 4.1.2)."),
            reason);
        return Status::Fail;
    }
    if (lowerNames.contains("arc-message-signature")
        || lowerNames.contains("arc-authentication-results"))
        s.add(Step(QStringLiteral("arc.ams.h"), Status::Warning,
            tr("h= names ARC header fields, which RFC 8617 4.1.2 says must not be signed"), {},
            QStringLiteral("RFC 8617 4.1.2")));
    if (!lowerNames.contains("from")) {
        fail(s, tr("h= does not include From (RFC 6376 5.4 requires it)."), reason);
        return Status::Fail;
    }
    // Body hash.
    if (!m.hasBody()) {
        fail(s, tr("The input has no body (headers only), so the body hash cannot be checked."),
            reason);
        return Status::Fail;
    }
    qint64 limit = -1;
    if (tags.has("l")) {
        bool ok = false;
        limit = tags.value("l").trimmed().toLongLong(&ok);
        if (!ok || limit < 0) {
            fail(s, tr("l= is not a number."), reason);
            return Status::Fail;
        }
    }
    // The canonical body in memory, or, when a batch streamed the body past, its hash and
    // size from the digests (a miss there has the whole message verified instead).
    const dkim::BodyHashRun* run = digests ? digests->run(bc) : nullptr;
    const std::optional<QByteArray> streamed
        = run ? digests->hash({ bc, alg->digest, limit }) : std::nullopt;
    QByteArray body;
    if (!streamed)
        body = dkim::canonBody(bc, m.body());
    const qint64 canonicalSize = streamed ? run->canonicalSize : body.size();
    if (limit > canonicalSize) {
        fail(s,
            tr("l=%1 is longer than the canonical body (%2 bytes).").arg(limit).arg(canonicalSize),
            reason);
        return Status::Fail;
    }
    if (limit >= 0)
        body.truncate(limit);
    const qint64 hashedSize = limit >= 0 ? limit : canonicalSize;
    const QString bodyId = QStringLiteral("arc/%1/ams-body").arg(instance);
    sources.append({ bodyId, tr("ARC #%1 AMS canonical body").arg(instance),
        Source::Kind::CanonicalBody, body });
    const QByteArray bh = streamed ? *streamed : crypto::Digest::hash(alg->digest, body);
    const crypto::Base64Result want = crypto::decodeBase64(tags.value("bh"));
    Step bodyStep(
        QStringLiteral("arc.ams.body"), Status::Info, {}, {}, QStringLiteral("RFC 6376 3.7"));
    bodyStep.addSpan(bodyId, 0, hashedSize);
    bodyStep.addFact(QStringLiteral("computed bh"), QString::fromLatin1(crypto::encodeBase64(bh)));
    bodyStep.addFact(
        QStringLiteral("bh"), QString::fromLatin1(crypto::stripWhitespace(tags.value("bh"))));
    if (!want.ok || want.bytes != bh) {
        bodyStep.status = Status::Fail;
        bodyStep.title = tr("Body hash does not match: the body changed after this hop signed it");
        s.add(bodyStep);
        fail(s, tr("The body hash (bh=) does not match the body (RFC 6376 6.1.3)."), reason);
        return Status::Fail;
    }
    bodyStep.status = Status::Pass;
    bodyStep.title = tr("Body hash matches");
    s.add(bodyStep);
    // Header hash.
    const QList<dkim::SelectedHeader> selected
        = dkim::selectHeaders(m.headers(), names, fieldIndex);
    const QByteArray emptied = dkim::emptyTagValue(f.raw, "b");
    const dkim::HeaderBlock block = dkim::buildHeaderBlock(m.headers(), selected, hc, emptied);
    const QString headId = QStringLiteral("arc/%1/ams-header").arg(instance);
    sources.append({ headId, tr("ARC #%1 AMS canonical header").arg(instance),
        Source::Kind::CanonicalHeader, block.bytes });
    Step keyStep(QStringLiteral("arc.key"), Status::Info,
        tr("Key %1._domainkey.%2").arg(hop.amsSelector, hop.amsDomain), {},
        QStringLiteral("RFC 6376 3.6.2"));
    const dkim::KeyRecordPtr key = keys.get(d, sel, *alg, keyStep, &why);
    if (!key) {
        keyStep.status = Status::Fail;
        s.add(keyStep);
        fail(s, why, reason);
        return Status::Fail;
    }
    keyStep.addFact(QStringLiteral("bits"), QString::number(key->key.bits()));
    s.add(keyStep);
    const crypto::Base64Result sig = crypto::decodeBase64(tags.value("b"));
    QString err;
    const bool ok = sig.ok && key->key.verify(alg->digest, block.bytes, sig.bytes, &err);
    Step hs(QStringLiteral("arc.ams.signature"), ok ? Status::Pass : Status::Fail,
        ok ? tr("Signature verifies over the signed header fields")
           : tr("Signature does not verify: a signed header field changed"),
        err, QStringLiteral("RFC 6376 6.1.3"));
    hs.addSpan(headId, 0, block.bytes.size());
    s.add(hs);
    if (!ok) {
        fail(s, tr("The signature (b=) does not verify over the signed header fields."), reason);
        return Status::Fail;
    }
    s.status = Status::Pass;
    return Status::Pass;
}

} // namespace

QString fieldKindName(FieldKind k)
{
    switch (k) {
    case FieldKind::AuthResults: return QStringLiteral("ARC-Authentication-Results");
    case FieldKind::MessageSignature: return QStringLiteral("ARC-Message-Signature");
    case FieldKind::Seal: return QStringLiteral("ARC-Seal");
    }
    return {};
}

QList<ArcField> collectFields(const Message& message)
{
    QList<ArcField> out;
    const QList<HeaderField>& hs = message.headers();
    for (int i = 0; i < hs.size(); ++i) {
        const HeaderField& f = hs[i];
        ArcField a;
        a.fieldIndex = i;
        if (f.nameIs("ARC-Seal"))
            a.kind = FieldKind::Seal;
        else if (f.nameIs("ARC-Message-Signature"))
            a.kind = FieldKind::MessageSignature;
        else if (f.nameIs("ARC-Authentication-Results"))
            a.kind = FieldKind::AuthResults;
        else
            continue;
        if (a.kind == FieldKind::AuthResults) {
            const authres::AuthResult r = authres::parseArc(f);
            if (r.instance > 0)
                a.instance = r.instance;
            else
                a.problem = tr("The instance i= could not be read (RFC 8617 4.1.1).");
        } else {
            const dkim::TagList t = dkim::TagList::parse(f.value, f.valueOffset);
            const dkim::Tag* it = t.find("i");
            if (!it)
                a.problem = tr("The instance tag i= is missing (RFC 8617 4.2.1).");
            else
                a.instance = parseInstance(it->value, &a.problem);
        }
        out.append(a);
    }
    return out;
}

QByteArray sealInput(const QList<std::array<QByteArrayView, 3>>& sets)
{
    QByteArray out;
    for (qsizetype i = 0; i < sets.size(); ++i) {
        out += dkim::canonHeaderRelaxed(sets[i][0]);
        out += dkim::canonHeaderRelaxed(sets[i][1]);
        if (i + 1 < sets.size()) {
            out += dkim::canonHeaderRelaxed(sets[i][2]);
        } else {
            QByteArray last = dkim::canonHeaderRelaxed(dkim::emptyTagValue(sets[i][2], "b"));
            last.chop(2); // the seal being verified goes in without its CRLF (RFC 6376 3.7)
            out += last;
        }
    }
    return out;
}

ChainResult validate(const ValidateInput& in)
{
    ChainResult r;
    const Message& m = in.message;
    r.fields = collectFields(m);
    Step root(QStringLiteral("arc"), Status::None, {}, {}, QStringLiteral("RFC 8617 5.2"));
    auto finish = [&](Status st, const QString& code, const QString& why, int at) {
        r.status = st;
        r.reasonCode = code;
        r.reason = why;
        r.brokenAt = at;
    };

    // Step 1: collect, grouped by i=.
    Step collect(
        QStringLiteral("arc.collect"), Status::Info, {}, {}, QStringLiteral("RFC 8617 5.2 step 1"));
    std::map<int, QList<const ArcField*>> byInstance;
    QList<const ArcField*> unreadable;
    for (const ArcField& f : r.fields) {
        const HeaderField& h = m.headers()[f.fieldIndex];
        Step fs(QStringLiteral("arc.field"), f.problem.isEmpty() ? Status::Info : Status::Fail,
            QStringLiteral("%1 i=%2").arg(fieldKindName(f.kind)).arg(f.instance), f.problem,
            QStringLiteral("RFC 8617 4.2.1"));
        fs.addSpan(QStringLiteral("message"), h.offset, h.raw.size());
        collect.add(std::move(fs));
        if (f.instance > 0 && f.problem.isEmpty())
            byInstance[f.instance].append(&f);
        else
            unreadable.append(&f);
    }
    collect.title
        = tr("%1 ARC header fields in %2 instances").arg(r.fields.size()).arg(byInstance.size());
    collect.detail = tr("The fields are grouped by their instance tag i=, never by where they sit "
                        "in the header.");
    root.add(collect);
    r.instances = byInstance.empty() ? 0 : byInstance.rbegin()->first;
    for (const ArcField& f : r.fields)
        r.instances = qMax(r.instances, qMin(f.instance, 1000));

    // Hops, for display, whatever the outcome.
    for (const auto& [inst, fs] : byInstance) {
        Hop h;
        h.instance = inst;
        for (const ArcField* f : fs) {
            int& slot = f->kind == FieldKind::Seal       ? h.sealField
                : f->kind == FieldKind::MessageSignature ? h.amsField
                                                         : h.aarField;
            if (slot < 0)
                slot = f->fieldIndex;
        }
        if (h.sealField >= 0) {
            const HeaderField& sf = m.headers()[h.sealField];
            const dkim::TagList t = dkim::TagList::parse(sf.value, sf.valueOffset);
            h.sealer = QString::fromUtf8(t.value("d").trimmed());
            h.sealSelector = QString::fromUtf8(t.value("s").trimmed());
            h.cv = QString::fromUtf8(t.value("cv").trimmed()).toLower();
            bool ok = false;
            const qint64 ts = t.value("t").trimmed().toLongLong(&ok);
            if (ok)
                h.sealedAt = QDateTime::fromSecsSinceEpoch(ts, Qt::UTC);
        }
        if (h.aarField >= 0)
            h.aar = authres::parseArc(m.headers()[h.aarField]);
        r.hops.append(h);
    }

    const int setCount = int(byInstance.size());
    if (r.fields.isEmpty()) {
        finish(Status::None, QStringLiteral("no-arc"), noArcReason(), 0);
    } else if (setCount > kMaxInstance || r.instances > kMaxInstance) {
        finish(Status::Fail, QStringLiteral("too-many"),
            tr("fail: more than 50 ARC Sets or an instance above 50 (i=%1)").arg(r.instances),
            r.instances);
    } else if (!unreadable.isEmpty()) {
        finish(Status::Fail, QStringLiteral("structure"),
            tr("fail: an ARC header field has no readable instance (%1)")
                .arg(unreadable.first()->problem),
            0);
    } else {
        // Step 2: the newest seal says cv=fail.
        const Hop& newest = r.hops.last();
        if (newest.sealField >= 0 && newest.cv == u"fail") {
            finish(Status::Fail, QStringLiteral("cv-fail"),
                tr("fail: the newest ARC-Seal (i=%1) already says cv=fail").arg(newest.instance),
                newest.instance);
        }
    }
    // Step 3: structure.
    if (r.status == Status::None && r.reasonCode.isEmpty()) {
        Step st(QStringLiteral("arc.structure"), Status::Pass, tr("Chain structure"), {},
            QStringLiteral("RFC 8617 5.2 step 3"));
        QString problem;
        int at = 0;
        for (int i = 1; i <= r.instances && problem.isEmpty(); ++i) {
            const auto it = byInstance.find(i);
            if (it == byInstance.end()) {
                problem = tr("instance %1 is missing: instances must run 1..%2 without gaps")
                              .arg(i)
                              .arg(r.instances);
                at = i;
                break;
            }
            int counts[3] = { 0, 0, 0 };
            for (const ArcField* f : it->second)
                ++counts[int(f->kind)];
            for (int k = 0; k < 3 && problem.isEmpty(); ++k) {
                if (counts[k] != 1) {
                    problem = counts[k] == 0
                        ? tr("instance %1 has no %2").arg(i).arg(fieldKindName(FieldKind(k)))
                        : tr("instance %1 has %2 %3 fields (exactly one is allowed)")
                              .arg(i)
                              .arg(counts[k])
                              .arg(fieldKindName(FieldKind(k)));
                    at = i;
                }
            }
            if (!problem.isEmpty())
                break;
            const Hop* hop = nullptr;
            for (const Hop& h : r.hops) {
                if (h.instance == i)
                    hop = &h;
            }
            const QString want = i == 1 ? QStringLiteral("none") : QStringLiteral("pass");
            if (hop->cv != want) {
                problem = tr("the ARC-Seal i=%1 says cv=%2, it must say cv=%3")
                              .arg(i)
                              .arg(hop->cv.isEmpty() ? tr("(missing)") : hop->cv, want);
                at = i;
            }
        }
        if (!problem.isEmpty()) {
            st.status = Status::Fail;
            st.detail = problem;
            finish(Status::Fail, QStringLiteral("structure"), tr("fail: %1").arg(problem), at);
        } else {
            st.detail = tr("Instances 1..%1, exactly one AAR, AMS and AS each, cv=none at i=1 and "
                           "cv=pass after.")
                            .arg(r.instances);
        }
        root.add(st);
    }

    KeyFetcher keys(in.dns, in.cancelled);
    QList<Step> hopSteps;
    QHash<int, Step> amsSteps, sealSteps;
    if (r.reasonCode.isEmpty()) {
        // The AMS of instance i: its result and reason on the hop, its step kept for display.
        auto verifyHopAms = [&](int i) {
            Hop& h = r.hops[i - 1];
            Step s;
            QString why;
            h.amsStatus = verifyAms(m, in.bodyDigests, h.amsField, i, keys, s, &why, r.sources, h);
            h.amsReason = why;
            amsSteps.insert(i, s);
            return h.amsStatus;
        };
        // Step 4: the newest AMS.
        const int n = r.instances;
        if (verifyHopAms(n) != Status::Pass) {
            finish(Status::Fail, QStringLiteral("ams-fail"),
                tr("fail: the newest ARC-Message-Signature (i=%1) does not verify: %2")
                    .arg(n)
                    .arg(r.hops[n - 1].amsReason),
                n);
        } else {
            // Step 5: oldest-pass.
            int oldest = 0;
            for (int i = n - 1; i >= 1; --i) {
                if (verifyHopAms(i) != Status::Pass) {
                    oldest = i + 1;
                    break;
                }
            }
            r.oldestPass = oldest;
            // Step 6: every seal, newest first.
            for (int i = n; i >= 1; --i) {
                Hop& h = r.hops[i - 1];
                const HeaderField& sf = m.headers()[h.sealField];
                Step ss(QStringLiteral("arc.seal"), Status::Info, tr("ARC-Seal i=%1").arg(i), {},
                    QStringLiteral("RFC 8617 5.1.1"));
                ss.addSpan(QStringLiteral("message"), sf.offset, sf.raw.size());
                QString w;
                const dkim::TagList t = dkim::TagList::parse(sf.value, sf.valueOffset);
                std::optional<Algorithm> alg;
                if (!t.isValid()) {
                    w = tr("The tag-list is malformed: %1 (RFC 6376 3.2).")
                            .arg(t.errors().first().text);
                } else if (t.has("h")) {
                    w = tr("The ARC-Seal has an h= tag, which RFC 8617 4.1.3 forbids.");
                } else if (!t.has("a") || !t.has("b") || !t.has("d") || !t.has("s")
                    || !t.has("cv")) {
                    w = tr("A required tag (a, b, d, s, cv) is missing (RFC 8617 4.1.3).");
                } else {
                    alg = parseAlgorithm(t.value("a").trimmed(), &w);
                }
                if (alg) {
                    QList<std::array<QByteArrayView, 3>> sets;
                    for (int j = 1; j <= i; ++j) {
                        const Hop& hj = r.hops[j - 1];
                        sets.append({ m.headers()[hj.aarField].raw, m.headers()[hj.amsField].raw,
                            m.headers()[hj.sealField].raw });
                    }
                    const QByteArray input = sealInput(sets);
                    const QString id = QStringLiteral("arc/%1/seal").arg(i);
                    r.sources.append({ id, tr("ARC #%1 seal input").arg(i),
                        Source::Kind::CanonicalHeader, input });
                    Step keyStep(QStringLiteral("arc.key"), Status::Info,
                        tr("Key %1._domainkey.%2").arg(h.sealSelector, h.sealer), {},
                        QStringLiteral("RFC 6376 3.6.2"));
                    const dkim::KeyRecordPtr key = keys.get(
                        t.value("d").trimmed(), t.value("s").trimmed(), *alg, keyStep, &w);
                    ss.add(keyStep);
                    if (key) {
                        const crypto::Base64Result sig = crypto::decodeBase64(t.value("b"));
                        QString err;
                        if (sig.ok && key->key.verify(alg->digest, input, sig.bytes, &err)) {
                            ss.status = Status::Pass;
                            ss.detail = tr("The seal verifies over ARC Sets 1..%1 (AAR, AMS, AS "
                                           "each, relaxed).")
                                            .arg(i);
                        } else {
                            w = tr("The seal's signature does not verify: an ARC header field of "
                                   "instances 1..%1 changed after sealing.")
                                    .arg(i);
                        }
                        ss.addSpan(id, 0, input.size());
                    }
                }
                h.sealStatus = ss.status == Status::Pass ? Status::Pass : Status::Fail;
                h.sealReason = w;
                if (h.sealStatus != Status::Pass) {
                    ss.status = Status::Fail;
                    ss.detail = w;
                }
                sealSteps.insert(i, ss);
                if (h.sealStatus != Status::Pass) {
                    finish(Status::Fail, QStringLiteral("seal-fail"),
                        tr("fail: the ARC-Seal i=%1 does not verify: %2").arg(i).arg(w), i);
                    break;
                }
            }
            if (r.reasonCode.isEmpty())
                finish(Status::Pass, QStringLiteral("pass"),
                    tr("pass: %1 hop(s), every seal verifies").arg(n), 0);
        }
    }

    // The chain as hops.
    for (const Hop& h : r.hops) {
        Status hs = Status::Info;
        if (h.amsStatus == Status::Fail || h.sealStatus == Status::Fail)
            hs = Status::Fail;
        else if (h.sealStatus == Status::Pass)
            hs = Status::Pass;
        Step step(QStringLiteral("arc.hop"), hs,
            h.sealer.isEmpty() ? tr("Hop %1").arg(h.instance)
                               : tr("Hop %1: sealed by %2").arg(h.instance).arg(h.sealer),
            {}, QStringLiteral("RFC 8617 4.2"));
        step.addFact(tr("instance"), QString::number(h.instance));
        step.addFact(tr("sealer"), h.sealer);
        step.addFact(tr("cv"), h.cv);
        if (h.sealedAt.isValid())
            step.addFact(tr("sealed at"), h.sealedAt.toString(Qt::ISODate));
        if (h.aar)
            step.add(authres::toStep(
                *h.aar, tr("What hop %1 saw (its ARC-Authentication-Results)").arg(h.instance)));
        if (amsSteps.contains(h.instance))
            step.add(amsSteps.value(h.instance));
        if (sealSteps.contains(h.instance))
            step.add(sealSteps.value(h.instance));
        if (r.brokenAt == h.instance && r.status == Status::Fail)
            step.detail = tr("The chain broke here: %1").arg(r.reason);
        root.add(std::move(step));
    }
    root.status = r.status;
    root.title = QStringLiteral("ARC: %1").arg(r.reason);
    Step result(QStringLiteral("arc.result"), r.status, r.reason,
        r.status == Status::Fail
            ? tr("A failing chain is treated like no chain at all (RFC 8617 5.2).")
            : QString(),
        QStringLiteral("RFC 8617 5.2 step 7"));
    if (r.oldestPass)
        result.addFact(tr("oldest-pass"), QString::number(*r.oldestPass));
    root.add(result);
    r.step = std::move(root);

    QJsonObject j;
    j[QStringLiteral("result")] = statusName(r.status);
    j[QStringLiteral("instances")] = r.instances;
    j[QStringLiteral("oldest_pass")] = r.oldestPass ? QJsonValue(*r.oldestPass) : QJsonValue();
    j[QStringLiteral("reason")] = r.reason;
    j[QStringLiteral("reason_code")] = r.reasonCode;
    if (r.brokenAt)
        j[QStringLiteral("broken_at")] = r.brokenAt;
    QJsonArray hops;
    for (const Hop& h : r.hops) {
        QJsonObject o;
        o[QStringLiteral("instance")] = h.instance;
        o[QStringLiteral("sealer")] = h.sealer;
        o[QStringLiteral("selector")] = h.sealSelector;
        o[QStringLiteral("cv")] = h.cv;
        if (h.sealedAt.isValid())
            o[QStringLiteral("sealed_at")] = h.sealedAt.toString(Qt::ISODate);
        o[QStringLiteral("ams")] = statusName(h.amsStatus);
        o[QStringLiteral("seal")] = statusName(h.sealStatus);
        if (h.aar) {
            o[QStringLiteral("authserv_id")] = h.aar->authservId;
            QJsonArray res;
            for (const authres::MethodResult& mr : h.aar->results)
                res.append(mr.method + QLatin1Char('=') + mr.result);
            o[QStringLiteral("aar")] = res;
        }
        hops.append(o);
    }
    j[QStringLiteral("hops")] = hops;
    r.json = j;
    return r;
}

CheckResult check(const CheckContext& ctx)
{
    CheckResult res;
    res.name = QStringLiteral("arc");
    if (ctx.options.summaryOnly && collectFields(ctx.message).isEmpty()) {
        // Most messages have no ARC fields; a summary-only run then needs only the result, the
        // root step and the JSON validate() writes for that case (keys in QJsonObject order).
        // The same texts for every such message: made once per thread and language, then
        // shared.
        struct NoArc {
            quint64 generation = ~quint64(0);
            QString summary, title;
            QByteArray json;
        };
        thread_local NoArc memo;
        const quint64 generation = translationGeneration(); // read before translating
        if (memo.generation != generation) {
            memo.summary = noArcReason();
            memo.title = QLatin1String("ARC: ") + memo.summary;
            memo.json = "{\"hops\":[],\"instances\":0,\"oldest_pass\":null,\"reason\":";
            json::writeString(memo.json, memo.summary);
            json::put(memo.json, ",\"reason_code\":\"no-arc\",\"result\":\"none\"}");
            memo.generation = generation;
        }
        res.status = Status::None;
        res.summary = memo.summary;
        res.step = Step(
            QStringLiteral("arc"), Status::None, memo.title, {}, QStringLiteral("RFC 8617 5.2"));
        res.jsonText = memo.json;
        ArcOutcome o;
        o.status = Status::None;
        o.reason = res.summary;
        res.outcomes.arc = o;
        return res;
    }
    // Digests with the body held (BodyDigests::setBodyHeld): the message is whole, and ARC
    // canonicalizes it itself.
    const dkim::BodyDigests* streamed
        = ctx.bodyDigests && !ctx.bodyDigests->bodyHeld() ? ctx.bodyDigests : nullptr;
    const ChainResult r
        = validate({ ctx.message, ctx.dns, ctx.evaluationTime, ctx.cancelled, streamed });
    res.status = r.status;
    res.summary = r.reason;
    res.step = r.step;
    res.sources = r.sources;
    res.json = r.json;
    ArcOutcome o;
    o.status = r.status;
    o.instances = r.instances;
    o.oldestPass = r.oldestPass.value_or(0);
    o.reason = r.reason;
    for (const Hop& h : r.hops)
        o.sealers << h.sealer;
    res.outcomes.arc = o;
    return res;
}

} // namespace ms::arc
