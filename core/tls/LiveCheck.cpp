#include "tls/LiveCheck.h"

#include "crypto/TlsClient.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <openssl/x509_vfy.h>

#include <arpa/inet.h>

namespace ms::tls {

namespace {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Tls", text, disambiguation, n);
}

QString iso(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

bool splitHostPort(const QString& in, QString& host, quint16& port)
{
    QString s = in.trimmed();
    port = 25;
    if (s.startsWith(QLatin1Char('['))) {
        const qsizetype end = s.indexOf(QLatin1Char(']'));
        if (end < 0)
            return false;
        host = s.mid(1, end - 1);
        const QString rest = s.mid(end + 1);
        if (rest.startsWith(QLatin1Char(':'))) {
            bool ok = false;
            port = rest.mid(1).toUShort(&ok);
            if (!ok || port == 0)
                return false;
        }
        return !host.isEmpty();
    }
    if (s.count(QLatin1Char(':')) == 1) {
        bool ok = false;
        port = s.section(QLatin1Char(':'), 1).toUShort(&ok);
        if (!ok || port == 0)
            return false;
        s = s.section(QLatin1Char(':'), 0, 0);
    }
    host = s;
    return !host.isEmpty();
}

} // namespace

bool tlsaMatches(const dns::Record& tlsa, const QList<crypto::Certificate>& chain, QString* why)
{
    auto say = [&](const QString& s) {
        if (why)
            *why = s;
        return false;
    };
    if (tlsa.rdata.size() < 4)
        return say(tr("malformed TLSA record"));
    const int usage = quint8(tlsa.rdata[0]);
    const int selector = quint8(tlsa.rdata[1]);
    const int mtype = quint8(tlsa.rdata[2]);
    const QByteArray data = tlsa.rdata.mid(3);
    if (usage != 2 && usage != 3)
        return say(tr("usage %1 (PKIX-%2) is not used for SMTP (RFC 7672 3.1.3)")
                       .arg(usage)
                       .arg(usage == 0 ? QStringLiteral("TA") : QStringLiteral("EE")));
    if (selector > 1 || mtype > 2)
        return say(tr("unknown selector %1 or matching type %2 (RFC 6698 2.1.2, 2.1.3)")
                       .arg(selector)
                       .arg(mtype));
    auto matchOne = [&](const crypto::Certificate& c) {
        const QByteArray raw = selector == 0 ? c.der() : c.subjectPublicKeyInfoDer();
        QByteArray v = raw;
        if (mtype == 1)
            v = QCryptographicHash::hash(raw, QCryptographicHash::Sha256);
        else if (mtype == 2)
            v = QCryptographicHash::hash(raw, QCryptographicHash::Sha512);
        return !raw.isEmpty() && v == data;
    };
    if (usage == 3) {
        if (!chain.isEmpty() && matchOne(chain.first())) {
            if (why)
                *why = tr("DANE-EE: the server's own %1 matches")
                           .arg(selector == 0 ? tr("certificate") : tr("public key"));
            return true;
        }
        return say(tr("DANE-EE: the server's %1 does not match")
                       .arg(selector == 0 ? tr("certificate") : tr("public key")));
    }
    for (int i = 1; i < chain.size(); ++i) {
        if (matchOne(chain[i])) {
            if (why)
                *why = tr("DANE-TA: issuer #%1 (%2) matches").arg(i).arg(chain[i].subject());
            return true;
        }
    }
    return say(tr("DANE-TA: no issuer certificate the server sent matches"));
}

QJsonArray addChainSteps(Step& parent, const QString& kind, const QList<crypto::Certificate>& chain,
    const QString& sourcePrefix, const QString& titleFormat, QList<Source>& sources)
{
    QJsonArray json;
    for (int i = 0; i < chain.size(); ++i) {
        const crypto::Certificate& c = chain[i];
        const QString id = QStringLiteral("%1/%2").arg(sourcePrefix).arg(i + 1);
        Step cs(kind, Status::Info,
            i == 0 ? tr("Server: %1").arg(c.subject())
                   : tr("Issuer #%1: %2").arg(i).arg(c.subject()));
        cs.addFact(tr("Issuer"), c.issuer());
        cs.addFact(tr("Valid from"), iso(c.notBefore()));
        cs.addFact(tr("Valid until"), iso(c.notAfter()));
        cs.addFact(tr("Names"), c.dnsNames().join(QStringLiteral(", ")));
        cs.addFact(tr("Key"), c.publicKeyDescription());
        cs.addFact(tr("SHA-256"), c.sha256Fingerprint());
        cs.addSpan(id, 0, c.der().size());
        sources.append({ id, titleFormat.arg(c.commonName()), Source::Kind::Der, c.der() });
        parent.add(std::move(cs));
        json.append(QJsonObject { { QStringLiteral("subject"), c.subject() },
            { QStringLiteral("issuer"), c.issuer() },
            { QStringLiteral("notBefore"), iso(c.notBefore()) },
            { QStringLiteral("notAfter"), iso(c.notAfter()) },
            { QStringLiteral("sha256"), c.sha256Fingerprint() },
            { QStringLiteral("source"), id } });
    }
    return json;
}

HostAddresses resolveHostAddresses(const CheckContext& ctx, const QString& host,
    const QString& kind, const QString& rfc, int maxAddresses)
{
    HostAddresses out;
    out.step = Step(kind, Status::Info, tr("Addresses of %1").arg(host), QString(), rfc);
    unsigned char literal[16];
    const QByteArray h = host.toUtf8();
    if (inet_pton(AF_INET, h.constData(), literal) == 1
        || inet_pton(AF_INET6, h.constData(), literal) == 1) {
        out.addresses.append(host);
        out.step.title = tr("%1 is an address: no DNS lookup").arg(host);
        return out;
    }
    for (const dns::Type t : { dns::Type::A, dns::Type::AAAA }) {
        if (ctx.isCancelled())
            break;
        const dns::Answer a = ctx.dns.resolve(h, t);
        out.step.add(dns::answerStep(a));
        out.temporary = out.temporary || a.isTemporaryError();
        for (const dns::Record& r : a.ofType(t)) {
            if (out.addresses.size() < maxAddresses && !r.addressString().isEmpty())
                out.addresses.append(r.addressString());
        }
    }
    out.step.title = out.addresses.isEmpty()
        ? tr("%1 has no address").arg(host)
        : tr("%1: %2").arg(host, out.addresses.join(QStringLiteral(", ")));
    out.step.status = out.addresses.isEmpty() ? (out.temporary ? Status::TempError : Status::Fail)
                                              : Status::Info;
    return out;
}

LiveResult liveCheck(const CheckContext& ctx, const QString& hostPort,
    const QMap<QString, QList<dns::Record>>& tlsaByHost)
{
    LiveResult out;
    QJsonObject j;
    QString host;
    quint16 port = 25;
    Step s(QStringLiteral("tls.live"), Status::Info, QString(),
        tr("Mailscope connected to the server itself, as a sending MTA would, and did not "
           "send any mail (RFC 5321, RFC 3207)."),
        QStringLiteral("RFC 3207"));
    if (!splitHostPort(hostPort, host, port)) {
        s.status = Status::PermError;
        s.title = tr("Live check: no usable host given (\"%1\")").arg(hostPort);
        j.insert(QStringLiteral("error"), s.title);
        out.step = std::move(s);
        out.json = j;
        return out;
    }
    s.title = tr("Live check of %1 port %2").arg(host).arg(port);
    j.insert(QStringLiteral("host"), host);
    j.insert(QStringLiteral("port"), port);

    // The server's addresses come from the verification's DNS like every other answer
    // (zone files, what-if edits, --dns-server), tried in turn until one connects.
    HostAddresses where = resolveHostAddresses(
        ctx, host, QStringLiteral("tls.live.address"), QStringLiteral("RFC 5321 5.1"), 4);
    j.insert(QStringLiteral("addresses"), QJsonArray::fromStringList(where.addresses));
    if (where.addresses.isEmpty()) {
        s.status = where.temporary || ctx.isCancelled() ? Status::TempError : Status::PermError;
        s.title = tr("Live check of %1 port %2: the host has no address").arg(host).arg(port);
        s.add(std::move(where.step));
        j.insert(QStringLiteral("status"), statusName(s.status));
        j.insert(QStringLiteral("reason"), QStringLiteral("no-address"));
        j.insert(QStringLiteral("error"), s.title);
        out.step = std::move(s);
        out.json = j;
        return out;
    }
    s.add(std::move(where.step));
    crypto::SmtpProbeResult p;
    for (const QString& address : where.addresses) {
        p = crypto::probeSmtpStartTls(address, port, host, QStringLiteral("mailscope.invalid"),
            ctx.options.tlsLiveTimeoutMs, ctx.cancelled);
        if (p.connected || ctx.isCancelled())
            break;
    }
    j.insert(QStringLiteral("address"), p.address);
    j.insert(QStringLiteral("banner"), p.banner);
    j.insert(QStringLiteral("starttlsOffered"), p.starttlsOffered);
    j.insert(QStringLiteral("tls"), p.tlsEstablished);
    j.insert(QStringLiteral("transcript"), QJsonArray::fromStringList(p.transcript));
    if (!p.error.isEmpty())
        j.insert(QStringLiteral("error"), p.error);

    Step conn(QStringLiteral("tls.live.connect"), p.connected ? Status::Info : Status::TempError,
        p.connected ? tr("Connected to %1").arg(p.address) : tr("Could not connect"),
        p.connected ? tr("Greeting: %1").arg(p.banner) : p.error, QStringLiteral("RFC 5321 3.1"));
    conn.addFact(tr("Time"), tr("%1 ms").arg(p.elapsedMs));
    Step transcript(QStringLiteral("tls.live.transcript"), Status::Info,
        tr("SMTP transcript (%n line(s))", nullptr, int(p.transcript.size())),
        p.transcript.join(QLatin1Char('\n')));
    conn.add(std::move(transcript));
    s.add(std::move(conn));
    Status overall = p.connected ? Status::Pass : Status::TempError;
    QString reason = p.connected ? QString() : QStringLiteral("connect-failed");

    if (p.connected) {
        Step st(QStringLiteral("tls.live.starttls"),
            p.starttlsOffered ? Status::Pass : Status::Fail,
            p.starttlsOffered ? tr("STARTTLS offered") : tr("STARTTLS NOT offered"),
            p.starttlsOffered
                ? tr("The EHLO reply lists STARTTLS (RFC 3207 4).")
                : tr("The server's EHLO reply does not list STARTTLS: senders must deliver "
                     "to it in clear text (RFC 3207 4). Capabilities: %1")
                      .arg(p.capabilities.join(QStringLiteral(", "))),
            QStringLiteral("RFC 3207 4"));
        s.add(std::move(st));
        if (!p.starttlsOffered) {
            overall = Status::Fail;
            reason = QStringLiteral("no-starttls");
        }
    }
    if (p.starttlsOffered) {
        Step hs(QStringLiteral("tls.live.handshake"),
            p.tlsEstablished ? Status::Pass : Status::Fail,
            p.tlsEstablished ? tr("%1, %2 (%3 bits)").arg(p.protocol, p.cipher).arg(p.cipherBits)
                             : tr("TLS handshake failed"),
            p.tlsEstablished ? QString() : p.error, QStringLiteral("RFC 3207 4.1"));
        hs.addFact(tr("Protocol"), p.protocol);
        hs.addFact(tr("Cipher"), p.cipher);
        s.add(std::move(hs));
        j.insert(QStringLiteral("protocol"), p.protocol);
        j.insert(QStringLiteral("cipher"), p.cipher);
        j.insert(QStringLiteral("cipherBits"), p.cipherBits);
        if (!p.tlsEstablished) {
            overall = Status::Fail;
            reason = QStringLiteral("handshake-failed");
        }
    }

    if (p.tlsEstablished && !p.peerChain.isEmpty()) {
        crypto::TrustStore trust;
        trust.useSystemStore(true);
        for (const QString& f : ctx.options.tlsTrustFiles)
            trust.addPemFile(f);
        const QDateTime now = QDateTime::currentDateTimeUtc(); // a live check is about now
        const crypto::Certificate leaf = p.peerChain.first();
        const crypto::ChainResult cr
            = trust.verify(leaf, p.peerChain.mid(1), now, crypto::TrustStore::Purpose::TlsServer);
        Step ch(QStringLiteral("tls.live.chain"), cr.trusted ? Status::Pass : Status::Fail,
            cr.trusted
                ? tr("Certificate chain trusted (%n certificate(s))", nullptr, int(cr.chain.size()))
                : tr("Certificate chain NOT valid"),
            QString(), QStringLiteral("RFC 5280 6.1"));
        QStringList problems;
        for (const crypto::ChainProblem& pr : cr.problems)
            problems.append(QStringLiteral("%1 (depth %2)").arg(pr.text).arg(pr.depth));
        ch.detail = problems.join(QStringLiteral("; "));
        const QJsonArray chainJson = addChainSteps(ch, QStringLiteral("tls.live.certificate"),
            p.peerChain, QStringLiteral("tls/cert"), tr("TLS certificate: %1"), out.sources);
        s.add(std::move(ch));
        const bool expired = cr.hasProblem(X509_V_ERR_CERT_HAS_EXPIRED);
        j.insert(QStringLiteral("chain"), chainJson);
        j.insert(QStringLiteral("trusted"), cr.trusted);
        j.insert(QStringLiteral("expired"), expired);
        j.insert(QStringLiteral("chainProblems"), QJsonArray::fromStringList(problems));

        const bool nameOk = leaf.matchesHost(host);
        s.add(Step(QStringLiteral("tls.live.name"), nameOk ? Status::Pass : Status::Warning,
            nameOk ? tr("The certificate names %1").arg(host)
                   : tr("The certificate does not name %1").arg(host),
            tr("Names in the certificate: %1 (RFC 6125 6.4).")
                .arg(leaf.dnsNames().join(QStringLiteral(", "))),
            QStringLiteral("RFC 6125 6.4")));
        j.insert(QStringLiteral("nameMatches"), nameOk);

        // DANE: validated TLSA from the domain evidence, else look it up for this host.
        QList<dns::Record> tlsa = tlsaByHost.value(host.toLower());
        bool usable = !tlsa.isEmpty();
        Step ds(QStringLiteral("tls.live.dane"), Status::None, QString(), QString(),
            QStringLiteral("RFC 7672 3"));
        if (!usable && !ctx.isCancelled()) {
            const dns::Answer a = ctx.dns.resolve(
                QStringLiteral("_%1._tcp.%2").arg(port).arg(host.toLower()).toUtf8(),
                dns::Type::TLSA);
            ds.add(dns::answerStep(a));
            tlsa = a.ofType(dns::Type::TLSA);
            usable = !tlsa.isEmpty() && a.authenticData;
            if (!tlsa.isEmpty() && !a.authenticData)
                ds.detail = tr("TLSA records exist but the answer is not DNSSEC-validated, so "
                               "DANE does not apply (RFC 7672 2.2).");
        }
        int matched = 0;
        QJsonArray dj;
        for (const dns::Record& r : tlsa) {
            QString why;
            const bool m = tlsaMatches(r, p.peerChain, &why);
            matched += m ? 1 : 0;
            ds.add(Step(QStringLiteral("tls.live.tlsa"), m ? Status::Pass : Status::Info,
                r.presentation, why, QStringLiteral("RFC 6698 2.1")));
            dj.append(QJsonObject {
                { QStringLiteral("record"), r.presentation }, { QStringLiteral("matches"), m } });
        }
        if (tlsa.isEmpty()) {
            ds.title = tr("No DANE TLSA records for %1").arg(host);
        } else if (!usable) {
            ds.status = Status::Warning;
            ds.title = tr("TLSA records present, not usable (no DNSSEC)");
        } else if (matched > 0) {
            ds.status = Status::Pass;
            ds.title
                = tr("DANE: the server's certificate matches %n TLSA record(s)", nullptr, matched);
            ds.detail = tr("With DANE-EE, expiry and names do not matter; the key does "
                           "(RFC 7672 3.1.1).");
        } else {
            ds.status = Status::Fail;
            ds.title = tr("DANE: NO TLSA record matches the server's certificate");
            ds.detail = tr("A DANE-aware sender would refuse to deliver (RFC 7672 2.2).");
            overall = Status::Fail;
            reason = QStringLiteral("dane-mismatch");
        }
        s.add(std::move(ds));
        j.insert(QStringLiteral("dane"),
            QJsonObject { { QStringLiteral("usable"), usable },
                { QStringLiteral("matched"), matched }, { QStringLiteral("records"), dj } });

        const bool stsOk = cr.trusted && nameOk;
        s.add(Step(QStringLiteral("tls.live.mta-sts"), stsOk ? Status::Pass : Status::Warning,
            stsOk ? tr("The certificate meets MTA-STS requirements")
                  : tr("The certificate does NOT meet MTA-STS requirements"),
            tr("MTA-STS senders require a chain to a trusted root and the MX name in the "
               "certificate (RFC 8461 4.1); whether the policy lists this MX needs the "
               "policy file."),
            QStringLiteral("RFC 8461 4.1")));
        j.insert(QStringLiteral("mtaStsCertificateOk"), stsOk);
        if (!cr.trusted && overall == Status::Pass && matched == 0) {
            overall = Status::Fail;
            reason = expired ? QStringLiteral("certificate-expired")
                             : QStringLiteral("certificate-untrusted");
        }
    }
    s.status = overall;
    j.insert(QStringLiteral("status"), statusName(overall));
    j.insert(QStringLiteral("reason"), reason);
    out.step = std::move(s);
    out.json = j;
    return out;
}

} // namespace ms::tls
