#!/usr/bin/python3
"""Generate the offline sample scenarios in resources/samples/.

Every message is really signed (DKIM, and ARC for the mailing list) with RSA keys kept in
tests/data/samples-keys/ (never in the product); the public halves go into each scenario's
zone file. Independent of Mailscope's own code on purpose: canonicalization (RFC 6376
3.4.2/3.4.4, relaxed/relaxed) and ARC sealing (RFC 8617 5.1) are done here, signatures by
the `openssl` command. Deterministic: same keys in, same bytes out.

Usage: tools/gen_samples.py [--root REPO]
"""
import argparse
import base64
import hashlib
import json
import os
import re
import subprocess
import tempfile
import textwrap

T_SIGN = 1717243190  # 2024-06-01T12:00:00Z minus 10 s: t= of every signature
DATE = "Sat, 01 Jun 2024 11:59:40 +0000"


def key(root, name):
    path = os.path.join(root, "tests/data/samples-keys", name + ".pem")
    if not os.path.exists(path):
        subprocess.run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt",
                        "rsa_keygen_bits:2048", "-out", path], check=True, capture_output=True)
    return path


def public_b64(keypath):
    der = subprocess.run(["openssl", "pkey", "-in", keypath, "-pubout", "-outform", "DER"],
                         check=True, capture_output=True).stdout
    return base64.b64encode(der).decode()


def rsa_sign(keypath, data):
    sig = subprocess.run(["openssl", "dgst", "-sha256", "-sign", keypath], input=data,
                         check=True, capture_output=True).stdout
    return base64.b64encode(sig).decode()


def ed_key(root, name):
    path = os.path.join(root, "tests/data/samples-keys", name + ".pem")
    if not os.path.exists(path):
        subprocess.run(["openssl", "genpkey", "-algorithm", "ED25519", "-out", path],
                       check=True, capture_output=True)
    return path


def ed_public_b64(keypath):
    """RFC 8463 4.2: p= holds the bare 32-byte public key (the end of its SPKI DER)."""
    der = subprocess.run(["openssl", "pkey", "-in", keypath, "-pubout", "-outform", "DER"],
                         check=True, capture_output=True).stdout
    return base64.b64encode(der[-32:]).decode()


def ed_sign(keypath, data):
    """RFC 8463 3: PureEdDSA over the SHA-256 hash of the header data (deterministic)."""
    with tempfile.NamedTemporaryFile() as f:
        f.write(hashlib.sha256(data).digest())
        f.flush()
        sig = subprocess.run(["openssl", "pkeyutl", "-sign", "-inkey", keypath, "-rawin",
                              "-in", f.name], check=True, capture_output=True).stdout
    return base64.b64encode(sig).decode()


def split_headers(msg):
    head, body = msg.split(b"\r\n\r\n", 1)
    fields = []
    for line in head.split(b"\r\n"):
        if line[:1] in (b" ", b"\t"):
            fields[-1] += b"\r\n" + line
        else:
            fields.append(line)
    return fields, body


def relaxed_header(field):
    name, value = field.split(b":", 1)
    value = value.replace(b"\r\n", b"")
    value = re.sub(rb"[ \t]+", b" ", value).strip(b" \t")
    return name.strip().lower() + b":" + value


def relaxed_body(body):
    lines = body.split(b"\r\n")
    out = [re.sub(rb"[ \t]+", b" ", l).rstrip(b" \t") for l in lines]
    while out and out[-1] == b"":
        out.pop()
    return b"".join(l + b"\r\n" for l in out)


def pick(fields, names):
    """RFC 6376 5.4.2: for each name in h=, the last unused instance from the bottom."""
    used = set()
    chosen = []
    for n in names:
        for i in range(len(fields) - 1, -1, -1):
            if i in used:
                continue
            if fields[i].split(b":", 1)[0].strip().lower() == n.encode():
                used.add(i)
                chosen.append(fields[i])
                break
    return chosen


def dkim_like(msg, keypath, header_name, tags, names, sign=rsa_sign):
    """A DKIM-Signature or ARC-Message-Signature over msg; returns the new header field."""
    fields, body = split_headers(msg)
    bh = base64.b64encode(hashlib.sha256(relaxed_body(body)).digest()).decode()
    value = "; ".join(tags + ["h=" + ":".join(names), "bh=" + bh, "b="])
    unsigned = (header_name + ": " + value).encode()
    data = b"".join(relaxed_header(f) + b"\r\n" for f in pick(fields, names))
    data += relaxed_header(unsigned)
    return unsigned + sign(keypath, data).encode()


def prepend(msg, *fields):
    return b"\r\n".join(fields) + b"\r\n" + msg


def arc_seal(msg, keypath, domain, selector, instance, cv, aar_payload, ams_names):
    aar = ("ARC-Authentication-Results: i=%d; %s" % (instance, aar_payload)).encode()
    ams = dkim_like(msg, keypath, "ARC-Message-Signature",
                    ["i=%d" % instance, "a=rsa-sha256", "c=relaxed/relaxed", "d=" + domain,
                     "s=" + selector, "t=%d" % T_SIGN], ams_names)
    seal_unsigned = ("ARC-Seal: i=%d; a=rsa-sha256; t=%d; cv=%s; d=%s; s=%s; b="
                     % (instance, T_SIGN, cv, domain, selector)).encode()
    # RFC 8617 5.1.1: the ARC sets in instance order (AAR, AMS, AS), this seal last, b= empty.
    data = relaxed_header(aar) + b"\r\n" + relaxed_header(ams) + b"\r\n" + relaxed_header(seal_unsigned)
    seal = seal_unsigned + rsa_sign(keypath, data).encode()
    return prepend(msg, seal, ams, aar)


def txt(s):
    parts = [s[i:i + 250] for i in range(0, len(s), 250)]
    return " ".join('"%s"' % p for p in parts)


def dkim_record(keypath):
    return txt("v=DKIM1; k=rsa; p=" + public_b64(keypath))


def crlf(text):
    return text.strip("\n").replace("\n", "\r\n").encode() + b"\r\n"


def write(root, name, eml, zone, readme, options, readme_ja=None):
    d = os.path.join(root, "resources/samples", name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".eml"), "wb") as f:
        f.write(eml)
    with open(os.path.join(d, name + ".zone"), "w") as f:
        f.write("; DNS for the '%s' sample (RFC 1035 master file), generated by tools/gen_samples.py\n"
                "$TTL 3600\n" % name + textwrap.dedent(zone).lstrip())
    with open(os.path.join(d, "README.md"), "w") as f:
        f.write(textwrap.dedent(readme).lstrip())
    with open(os.path.join(d, name + ".json"), "w") as f:
        f.write(options + "\n")
    if readme_ja:  # the same lesson in Japanese
        with open(os.path.join(d, "README.ja.md"), "w", encoding="utf-8") as f:
            f.write(textwrap.dedent(readme_ja).lstrip())


def options(time="2024-06-01T12:00:00Z", expect=None, **extra):
    """The sample's sidecar: the options a run needs, then the results it must give."""
    o = {"time": time}
    o.update(extra)
    o["expect"] = expect or {}
    return json.dumps(o, indent=2, ensure_ascii=False)


HEADERS = ["from", "to", "subject", "date", "message-id", "mime-version", "content-type"]


def good(root):
    k = key(root, "example-com-sel2024")
    msg = crlf("""
From: Alice Example <alice@example.com>
To: Carol <carol@example.net>
Subject: Quarterly figures
Date: %s
Message-ID: <20240601115940.1@mail.example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hello Carol,

the quarterly figures are attached to the shared folder as promised.

Regards,
Alice
""" % DATE)
    sig = dkim_like(msg, k, "DKIM-Signature",
                    ["v=1", "a=rsa-sha256", "c=relaxed/relaxed", "d=example.com", "s=sel2024",
                     "t=%d" % T_SIGN], HEADERS)
    msg = prepend(msg, sig)
    msg = prepend(msg,
                  b"Return-Path: <alice@example.com>",
                  b"Received: from mail.example.com (mail.example.com [192.0.2.10])\r\n"
                  b"\tby mx.example.net (Postfix) with ESMTPS id 4VsXk23Qz1\r\n"
                  b"\tfor <carol@example.net>; Sat, 01 Jun 2024 11:59:45 +0000 (UTC)")
    zone = """
    example.com.                 IN TXT "v=spf1 ip4:192.0.2.0/24 -all"
    example.com.                 IN MX  10 mail.example.com.
    mail.example.com.            IN A   192.0.2.10
    sel2024._domainkey.example.com. IN TXT %s
    _dmarc.example.com.          IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@example.com"
    """ % dkim_record(k)
    readme = """
    # good: SPF, DKIM and DMARC all pass

    Alice at example.com writes to Carol at example.net. Her provider's server
    mail.example.com (192.0.2.10) is listed in example.com's SPF record, it signed the
    message with DKIM (d=example.com, s=sel2024, relaxed/relaxed), and nothing changed on
    the way, so both identifiers align with the From domain and DMARC (p=reject) passes.

    What to look at: the DKIM body hash and signature steps, the SPF `ip4:` term that
    matched, and the DMARC alignment step that names both aligned identifiers.

    Run offline: `mailscope-cli verify --zone good.zone --time 2024-06-01T12:00:00Z good.eml`
    """
    write(root, "good", msg, zone, readme, options(
        expect={"checks": {"spf": "pass", "dkim": "pass", "dmarc": "pass"},
                "spf": {"domain": "example.com"},
                "dkim": [{"status": "pass", "domain": "example.com"}],
                "dmarc": {"policy": "reject", "policyDomain": "example.com"}}))


def mailing_list(root):
    k = key(root, "example-org-mail")
    karc = key(root, "lists-example-net-arc")
    original = crlf("""
From: Bob Sender <bob@example.org>
To: team@lists.example.net
Subject: Meeting moved to Thursday
Date: %s
Message-ID: <a1b2c3@mail.example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hi all,

the planning meeting moves to Thursday, 10:00, same room.

Bob
""" % DATE)
    sig = dkim_like(original, k, "DKIM-Signature",
                    ["v=1", "a=rsa-sha256", "c=relaxed/relaxed", "d=example.org", "s=mail",
                     "t=%d" % T_SIGN], HEADERS)
    signed = prepend(original, sig)
    # The list receives it (everything passes there), tags the subject and adds a footer.
    received_at_list = prepend(
        signed,
        b"Received: from mail.example.org (mail.example.org [203.0.113.5])\r\n"
        b"\tby lists.example.net (Postfix) with ESMTPS id 4VsXk0aaa1\r\n"
        b"\tfor <team@lists.example.net>; Sat, 01 Jun 2024 11:59:42 +0000 (UTC)")
    fields, body = split_headers(received_at_list)
    fields = [b"Subject: [team] Meeting moved to Thursday" if f.lower().startswith(b"subject:") else f
              for f in fields]
    fields.append(b"List-Id: Team list <team.lists.example.net>")
    body += crlf("""
--
team mailing list -- team@lists.example.net
To unsubscribe send an email to team-leave@lists.example.net
""")
    relayed = b"\r\n".join(fields) + b"\r\n\r\n" + body
    sealed = arc_seal(relayed, karc, "lists.example.net", "arc2024", 1, "none",
                      "lists.example.net; dkim=pass header.d=example.org header.s=mail; "
                      "spf=pass smtp.mailfrom=bob@example.org; dmarc=pass header.from=example.org",
                      HEADERS + ["dkim-signature", "list-id"])
    final = prepend(sealed,
                    b"Return-Path: <team-bounces@lists.example.net>",
                    b"Received: from lists.example.net (lists.example.net [198.51.100.25])\r\n"
                    b"\tby mx.example.com (Postfix) with ESMTPS id 4VsXk3bbb2\r\n"
                    b"\tfor <carol@example.com>; Sat, 01 Jun 2024 11:59:50 +0000 (UTC)")
    zone = """
    example.org.                     IN TXT "v=spf1 ip4:203.0.113.5 -all"
    mail.example.org.                IN A   203.0.113.5
    mail._domainkey.example.org.     IN TXT %s
    _dmarc.example.org.              IN TXT "v=DMARC1; p=quarantine"
    lists.example.net.               IN TXT "v=spf1 ip4:198.51.100.25 -all"
    lists.example.net.               IN A   198.51.100.25
    arc2024._domainkey.lists.example.net. IN TXT %s
    """ % (dkim_record(k), dkim_record(karc))
    readme = """
    # mailing-list: DKIM broken by the list, ARC carries the original result

    Bob at example.org signs his message (d=example.org) and sends it to the list
    team@lists.example.net. The list does what lists do: it prefixes the subject with
    `[team]` and appends an unsubscribe footer, then resends it from its own server with
    its own bounce address. At the final receiver:

    - DKIM for example.org fails: the body hash no longer matches (footer appended) and the
      signed Subject changed;
    - SPF passes, but for lists.example.net, which does not align with example.org;
    - so DMARC for example.org fails (p=quarantine);
    - the list sealed the message with ARC (i=1, d=lists.example.net) recording that DKIM,
      SPF and DMARC passed when it received the message. If the receiver trusts that sealer
      (`--trusted-sealer lists.example.net`), the ARC chain can override the DMARC failure.

    Run offline: `mailscope-cli verify --zone mailing-list.zone --time 2024-06-01T12:00:00Z
    --trusted-sealer lists.example.net mailing-list.eml`
    """
    write(root, "mailing-list", final, zone, readme, options(
        trusted_sealers=["lists.example.net"],
        expect={"checks": {"spf": "pass", "dkim": "fail", "arc": "pass", "dmarc": "fail"},
                "spf": {"domain": "lists.example.net"},
                "dkim": [{"status": "fail", "domain": "example.org"}],
                "arc": {"instances": 1, "sealers": ["lists.example.net"]},
                "dmarc": {"policy": "quarantine", "policyDomain": "example.org",
                          "overriddenByArc": True}}))


def lookalike(root):
    k = key(root, "examp1ebank-mail")
    msg = crlf("""
From: Example Bank Security <security@examplebank.example>
Reply-To: security@examp1ebank.example
To: customer@example.com
Subject: Please confirm your account details
Date: %s
Message-ID: <verify-77812@examp1ebank.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Dear customer,

we noticed unusual activity. Please confirm your account details within 24 hours
at the address below or your account will be suspended.

Example Bank Security Team
""" % DATE)
    sig = dkim_like(msg, k, "DKIM-Signature",
                    ["v=1", "a=rsa-sha256", "c=relaxed/relaxed", "d=examp1ebank.example",
                     "s=mail", "t=%d" % T_SIGN], HEADERS)
    msg = prepend(msg, sig)
    msg = prepend(msg,
                  b"Return-Path: <bounce@examp1ebank.example>",
                  b"Received: from smtp.examp1ebank.example (smtp.examp1ebank.example [198.51.100.77])\r\n"
                  b"\tby mx.example.com (Postfix) with ESMTP id 4VsXk5ccc3\r\n"
                  b"\tfor <customer@example.com>; Sat, 01 Jun 2024 11:59:47 +0000 (UTC)")
    zone = """
    examp1ebank.example.             IN TXT "v=spf1 ip4:198.51.100.77 -all"
    smtp.examp1ebank.example.        IN A   198.51.100.77
    mail._domainkey.examp1ebank.example. IN TXT %s
    examplebank.example.             IN TXT "v=spf1 ip4:192.0.2.200 -all"
    _dmarc.examplebank.example.      IN TXT "v=DMARC1; p=reject"
    """ % dkim_record(k)
    readme = """
    # lookalike: everything "passes" for the wrong domain

    The From field says security@examplebank.example, the bank's real domain, which
    publishes DMARC p=reject. The message was really sent and signed by
    examp1ebank.example (a digit one instead of the letter l): its DKIM signature is valid
    and its server passes SPF for bounce@examp1ebank.example. Neither of those identifiers
    aligns with the From domain, so DMARC fails and the bank asks receivers to reject it.

    What to look at: the DMARC alignment step (d= and MAIL FROM domains compared with the
    From domain), and the valid-but-irrelevant DKIM and SPF passes.

    Run offline: `mailscope-cli verify --zone lookalike.zone --time 2024-06-01T12:00:00Z lookalike.eml`
    """
    write(root, "lookalike", msg, zone, readme, options(
        expect={"checks": {"spf": "pass", "dkim": "pass", "dmarc": "fail"},
                "spf": {"domain": "examp1ebank.example"},
                "dkim": [{"status": "pass", "domain": "examp1ebank.example"}],
                "dmarc": {"policy": "reject", "policyDomain": "examplebank.example"}}))


def revoked_key(root):
    k = key(root, "shop-example-old2023")
    msg = crlf("""
From: Example Shop <orders@shop.example.com>
To: dave@example.net
Subject: Your order 10442 has shipped
Date: %s
Message-ID: <order-10442@shop.example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hello Dave,

your order 10442 has shipped and should arrive within three working days.

Example Shop
""" % DATE)
    sig = dkim_like(msg, k, "DKIM-Signature",
                    ["v=1", "a=rsa-sha256", "c=relaxed/relaxed", "d=shop.example.com",
                     "s=old2023", "t=%d" % T_SIGN], HEADERS)
    msg = prepend(msg, sig)
    msg = prepend(msg,
                  b"Return-Path: <bounces+10442@esp.example.org>",
                  b"Received: from out7.esp.example.org (out7.esp.example.org [192.0.2.77])\r\n"
                  b"\tby mx.example.net (Postfix) with ESMTPS id 4VsXk7ddd4\r\n"
                  b"\tfor <dave@example.net>; Sat, 01 Jun 2024 11:59:48 +0000 (UTC)")
    zone = """
    esp.example.org.                     IN TXT "v=spf1 ip4:192.0.2.64/26 -all"
    out7.esp.example.org.                IN A   192.0.2.77
    ; The shop rotated its keys and revoked the old selector (RFC 6376 3.6.1: empty p=).
    old2023._domainkey.shop.example.com. IN TXT "v=DKIM1; k=rsa; p="
    _dmarc.shop.example.com.             IN TXT "v=DMARC1; p=quarantine; adkim=r; aspf=r"
    """
    readme = """
    # revoked-key: signed with a key the domain has withdrawn

    The shop's e-mail service provider still signs with selector `old2023`, but
    shop.example.com rotated its keys and revoked that one: the DNS record is there with an
    empty `p=` (RFC 6376 3.6.1), which means "this key must no longer be accepted". So the
    DKIM signature fails although the message is unchanged. SPF passes, but for the
    provider's bounce domain esp.example.org, which does not align with shop.example.com, so
    DMARC fails (p=quarantine).

    What to look at: the key-record step saying the key was revoked, and the DMARC step
    showing that no aligned identifier is left.

    Run offline: `mailscope-cli verify --zone revoked-key.zone --time 2024-06-01T12:00:00Z revoked-key.eml`
    """
    write(root, "revoked-key", msg, zone, readme, options(
        expect={"checks": {"spf": "pass", "dkim": "permerror", "dmarc": "fail"},
                "dkim": [{"status": "permerror", "domain": "shop.example.com"}],
                "dmarc": {"policy": "quarantine", "policyDomain": "shop.example.com"}}))


def received(host, ip, by, queue_id, rcpt, when, esmtp="ESMTPS"):
    return ("Received: from %s (%s [%s])\r\n\tby %s (Postfix) with %s id %s\r\n"
            "\tfor <%s>; %s +0000 (UTC)" % (host, host, ip, by, esmtp, queue_id, rcpt, when)).encode()


README_JA_FORWARDING = """
    # forwarding: 転送で SPF が壊れ、ARC が元の結果を運ぶ

    ## 何が起きたか
    Ines（ines@example.org）が Henry の大学の旧アドレス henry@alumni.example.edu に送ったメールは、
    henry@example.net へ転送されます。転送者はメッセージを変更せず、エンベロープ送信者も
    ines@example.org のまま（SRS による書き換えなし）、自分のサーバー fwd.alumni.example.edu
    （198.51.100.40）から再送します。example.org は DKIM で署名していないので、SPF が唯一の認証でした。
    最終受信者では:

    - example.org の SPF は失敗します。198.51.100.40 は `v=spf1 ip4:203.0.113.5 -all` に含まれません。
    - DKIM 署名がないので、From ドメインとアラインするものは他にありません。
    - example.org の DMARC は失敗し、ドメインは p=reject を求めています。
    - 転送者は ARC セット（i=1、d=alumni.example.edu、cv=none）を追加しており、その
      ARC-Authentication-Results には、203.0.113.5 から届いた時点の `spf=pass` と `dmarc=pass` が
      記録されています。チェーンは検証できるので、alumni.example.edu を封印者として信頼する受信者は、
      DMARC の失敗をローカルに上書きできます。

    ## どこを見るか
    - SPF: 198.51.100.40（転送者）に一致した `-all` 項（RFC 7208 5.1、2.6.7）。
    - ARC: チェーンの検証（封印、メッセージ署名）と記録された結果（RFC 8617 5.2）。
    - DMARC: 「alumni.example.edu を信頼する受信者なら DMARC の失敗を上書きできます」
      （RFC 8617 7.2、RFC 7489 7.3）。DMARC の結果そのものは `fail` のままです。

    ## どうするか
    - 受信者・ポストマスター: 正直に転送すると分かっている封印者（ここでは alumni.example.edu）だけを
      信頼してください。ARC の封印は誰でも追加できるので、無条件に信頼してはいけません。
    - 送信者（example.org）: DKIM で署名してください。変更されない限り DKIM は単純な転送を
      生き延びますが、SPF は決して生き延びません。
    - 転送者: エンベロープ送信者を書き換え（SRS）、SPF が自分のドメインで検査されるようにし、
      ARC での封印も続けてください。
    """


def forwarding(root):
    karc = key(root, "alumni-example-edu-arc")
    # The author's domain publishes SPF and DMARC but does not sign with DKIM: only SPF
    # authenticates it, and SPF is exactly what plain forwarding breaks.
    original = crlf("""
From: Ines Example <ines@example.org>
To: Henry <henry@alumni.example.edu>
Subject: Reunion photos
Date: %s
Message-ID: <reunion-2024@mail.example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hi Henry,

the photos from the reunion are in the shared album now.

Ines
""" % DATE)
    at_forwarder = prepend(
        original,
        b"Return-Path: <ines@example.org>",
        received("mail.example.org", "203.0.113.5", "mx.alumni.example.edu", "4VsXk1eee5",
                 "henry@alumni.example.edu", "Sat, 01 Jun 2024 11:59:42"))
    # A plain forwarder: same bytes, same MAIL FROM (no SRS), sent on from its own server.
    # It seals what it verified on arrival with ARC (i=1) before passing the message on.
    sealed = arc_seal(at_forwarder, karc, "alumni.example.edu", "arc2024", 1, "none",
                      "mx.alumni.example.edu; spf=pass smtp.mailfrom=ines@example.org; "
                      "dkim=none (message not signed); dmarc=pass header.from=example.org",
                      HEADERS)
    final = prepend(sealed,
                    received("fwd.alumni.example.edu", "198.51.100.40", "mx.example.net",
                             "4VsXk9fff6", "henry@example.net", "Sat, 01 Jun 2024 11:59:50"))
    final = final.replace(b"Return-Path: <ines@example.org>\r\n", b"")
    final = prepend(final, b"Return-Path: <ines@example.org>")
    zone = """
    example.org.                        IN TXT "v=spf1 ip4:203.0.113.5 -all"
    mail.example.org.                   IN A   203.0.113.5
    _dmarc.example.org.                 IN TXT "v=DMARC1; p=reject"
    alumni.example.edu.                 IN TXT "v=spf1 ip4:198.51.100.40 -all"
    fwd.alumni.example.edu.             IN A   198.51.100.40
    arc2024._domainkey.alumni.example.edu. IN TXT %s
    """ % dkim_record(karc)
    readme = """
    # forwarding: SPF breaks on the way, ARC carries the original result

    ## What happened
    Ines (ines@example.org) writes to Henry's old university address
    henry@alumni.example.edu, which forwards everything to henry@example.net. The
    forwarder re-sends the message unchanged and keeps Ines's envelope sender
    (MAIL FROM ines@example.org, no SRS rewriting), but from its own server
    fwd.alumni.example.edu (198.51.100.40). example.org does not sign with DKIM, so SPF
    was its only authentication. At the final receiver:

    - SPF for example.org fails: 198.51.100.40 is not in `v=spf1 ip4:203.0.113.5 -all`;
    - there is no DKIM signature, so nothing else aligns with the From domain;
    - DMARC for example.org fails, and the domain asks for p=reject;
    - the forwarder added an ARC set (i=1, d=alumni.example.edu, cv=none) whose
      ARC-Authentication-Results record `spf=pass` and `dmarc=pass` as seen when the
      message arrived from 203.0.113.5. The chain validates, so a receiver that trusts
      alumni.example.edu as a sealer may override the DMARC failure locally.

    ## Where to look
    - SPF: the `-all` term that matched 198.51.100.40 (the forwarder), RFC 7208 5.1/2.6.7.
    - ARC: the chain validation (seal, message signature) and the recorded results,
      RFC 8617 5.2.
    - DMARC: "A receiver trusting alumni.example.edu could override the DMARC failure"
      (RFC 8617 7.2, RFC 7489 7.3). The DMARC result itself stays `fail`.

    ## What to do
    - Receiver/postmaster: trust ARC sealers you know forward honestly (here
      alumni.example.edu); never trust any ARC seal blindly, since anyone can add one.
    - Sender (example.org): sign with DKIM. DKIM survives plain forwarding when the
      message is not changed; SPF never does.
    - Forwarder: rewrite the envelope sender (SRS) so SPF checks its own domain, and keep
      sealing with ARC.

    Run offline: `mailscope-cli verify --zone forwarding.zone --time 2024-06-01T12:00:00Z
    --trusted-sealer alumni.example.edu forwarding.eml`
    """
    write(root, "forwarding", final, zone, readme, options(
        trusted_sealers=["alumni.example.edu"],
        expect={"checks": {"spf": "fail", "dkim": "none", "arc": "pass", "dmarc": "fail"},
                "dmarc": {"policy": "reject", "policyDomain": "example.org",
                          "overriddenByArc": True},
                "arc": {"instances": 1, "sealers": ["alumni.example.edu"]},
                "steps": ["dmarc.arc-override:pass"]}), readme_ja=README_JA_FORWARDING)


README_JA_SPF_LOOKUP_LIMIT = """
    # spf-lookup-limit: include が多すぎて SPF が permerror になる

    ## 何が起きたか
    BigCorp は利用しているすべてのサービスを 1 つの SPF レコードで許可しています。`include`、`a`、
    `mx`、`ptr`、`exists`、`redirect` はそれぞれ DNS 参照を 1 回消費し、include の中の include も数えられます。
    RFC 7208 4.6.4 が 1 回の評価で許すのは 10 回までです。評価で出会う順に数えると:

    | # | 項 | 場所 |
    |---|----|------|
    | 1 | `mx` | bigcorp.example |
    | 2 | `include:_spf.office.example` | bigcorp.example |
    | 3-5 | `include:_spf1/2/3.office.example` | _spf.office.example |
    | 6 | `include:spf.crm.example` | bigcorp.example |
    | 7 | `a:mta.crm.example` | spf.crm.example |
    | 8 | `include:spf.helpdesk.example` | bigcorp.example |
    | 9 | `include:spf.newsletter.example` | bigcorp.example |
    | 10 | `include:spf.payroll.example` | bigcorp.example |
    | 11 | `include:_spf.bigcorp.example` | bigcorp.example: 上限超過 |

    11 番目の項こそ送信サーバー 192.0.2.52 を列挙しているのですが、SPF はそこへ届く前に上限で
    `permerror` となって止まります。このレコードは、どのサーバーから送られたメッセージに対しても
    壊れています。ここで DMARC が成功するのは、DKIM 署名（d=bigcorp.example）が検証されアラインしている
    からにすぎません。DKIM のないメールは失敗します。

    ## どこを見るか
    11 番目の項の下にある SPF のステップ「DNS 参照の上限を超えました（11/10）」（RFC 7208 4.6.4）。
    各項にはその時点の回数（「DNS を問い合わせる項目: n/10」）が表示され、DNS ログにはすべての問い合わせが
    表示されます。

    ## どうするか
    bigcorp.example のポストマスター: 使っていないサービスを削除し、固定のアドレス範囲を指す include を
    `ip4:`/`ip6:` 項に置き換え、送信しないホストの `mx`/`a` を外すか、大量送信サービスを独自のレコードを
    持つサブドメインに移してください。変更のたびに回数を確認してください。ヘルプデスク: SPF の permerror は
    送信者側の設定の問題であり、攻撃ではありません。
    """


def spf_lookup_limit(root):
    k = key(root, "bigcorp-example-s1")
    msg = crlf("""
From: BigCorp Billing <billing@bigcorp.example>
To: customer@example.net
Subject: Your invoice for May
Date: %s
Message-ID: <invoice-2024-05-88121@bigcorp.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Dear customer,

your invoice for May is ready in the customer portal.

BigCorp Billing
""" % DATE)
    sig = dkim_like(msg, k, "DKIM-Signature",
                    ["v=1", "a=rsa-sha256", "c=relaxed/relaxed", "d=bigcorp.example",
                     "s=s1", "t=%d" % T_SIGN], HEADERS)
    msg = prepend(msg, sig)
    msg = prepend(msg,
                  b"Return-Path: <billing@bigcorp.example>",
                  received("out2.bigcorp.example", "192.0.2.52", "mx.example.net", "4VsXkAggg7",
                           "customer@example.net", "Sat, 01 Jun 2024 11:59:46"))
    # Lookups in evaluation order: mx (1), include office (2) with its three includes
    # (3, 4, 5), crm (6) with a: (7), helpdesk (8), newsletter (9), payroll (10), and the
    # company's own servers (11): one too many, so the evaluation stops with permerror
    # before reaching the include that lists 192.0.2.52.
    zone = """
    bigcorp.example.                 IN TXT "v=spf1 mx include:_spf.office.example include:spf.crm.example include:spf.helpdesk.example include:spf.newsletter.example include:spf.payroll.example include:_spf.bigcorp.example -all"
    bigcorp.example.                 IN MX  10 mx1.bigcorp.example.
    mx1.bigcorp.example.             IN A   192.0.2.25
    _spf.bigcorp.example.            IN TXT "v=spf1 ip4:192.0.2.48/28 -all"
    out2.bigcorp.example.            IN A   192.0.2.52
    s1._domainkey.bigcorp.example.   IN TXT %s
    _dmarc.bigcorp.example.          IN TXT "v=DMARC1; p=quarantine"
    _spf.office.example.             IN TXT "v=spf1 include:_spf1.office.example include:_spf2.office.example include:_spf3.office.example -all"
    _spf1.office.example.            IN TXT "v=spf1 ip4:198.51.100.0/27 -all"
    _spf2.office.example.            IN TXT "v=spf1 ip4:198.51.100.32/27 -all"
    _spf3.office.example.            IN TXT "v=spf1 ip6:2001:db8:100::/48 -all"
    spf.crm.example.                 IN TXT "v=spf1 a:mta.crm.example ~all"
    mta.crm.example.                 IN A   203.0.113.80
    spf.helpdesk.example.            IN TXT "v=spf1 ip4:203.0.113.96/28 -all"
    spf.newsletter.example.          IN TXT "v=spf1 ip4:203.0.113.128/26 -all"
    spf.payroll.example.             IN TXT "v=spf1 ip4:198.51.100.200 -all"
    """ % dkim_record(k)
    readme = """
    # spf-lookup-limit: too many includes, SPF ends in permerror

    ## What happened
    BigCorp has authorized every service it uses in one SPF record. Each `include`,
    `a`, `mx`, `ptr`, `exists` and `redirect` costs a DNS lookup, includes inside
    includes count too, and RFC 7208 4.6.4 allows at most 10 per evaluation. Counting
    in the order the evaluation meets them:

    | # | term | where |
    |---|------|-------|
    | 1 | `mx` | bigcorp.example |
    | 2 | `include:_spf.office.example` | bigcorp.example |
    | 3-5 | `include:_spf1/2/3.office.example` | _spf.office.example |
    | 6 | `include:spf.crm.example` | bigcorp.example |
    | 7 | `a:mta.crm.example` | spf.crm.example |
    | 8 | `include:spf.helpdesk.example` | bigcorp.example |
    | 9 | `include:spf.newsletter.example` | bigcorp.example |
    | 10 | `include:spf.payroll.example` | bigcorp.example |
    | 11 | `include:_spf.bigcorp.example` | bigcorp.example: over the limit |

    The 11th term is the one listing the sending server 192.0.2.52, but SPF stops at
    the limit with `permerror` before it gets there. The record is broken for every
    message, whichever server sent it. DMARC still passes here only because the DKIM
    signature (d=bigcorp.example) verifies and aligns; mail without DKIM would fail.

    ## Where to look
    The SPF step "DNS lookup limit exceeded (11/10)" under the 11th term (RFC 7208
    4.6.4); every term shows its running count ("DNS-querying terms: n/10"), and the DNS
    log shows every query.

    ## What to do
    Postmaster of bigcorp.example: remove services no longer used, replace includes of
    fixed address ranges with `ip4:`/`ip6:` terms, drop `mx`/`a` where the hosts never
    send, or move bulk senders to a subdomain with its own record. Check the count after
    every change. Help desk: SPF permerror is the sender's configuration, not an attack.

    Run offline: `mailscope-cli verify --zone spf-lookup-limit.zone --time 2024-06-01T12:00:00Z spf-lookup-limit.eml`
    """
    write(root, "spf-lookup-limit", msg, zone, readme, options(
        expect={"checks": {"spf": "permerror", "dkim": "pass", "dmarc": "pass"},
                "spf": {"domain": "bigcorp.example"},
                "dmarc": {"policy": "quarantine", "policyDomain": "bigcorp.example"},
                "steps": ["spf.limit:permerror"]}), readme_ja=README_JA_SPF_LOOKUP_LIMIT)


README_JA_TESTING_KEY = """
    # testing-key: テストモードの鍵による有効な署名

    ## 何が起きたか
    startup.example は DKIM を始めたばかりです。その鍵レコードには RFC 6376 3.6.1 のテストフラグ
    `t=y` があります。署名は検証され（本文ハッシュも RSA 署名も正常）、SPF も成功するので DMARC は
    成功します。DMARC レコードはまだ監視モードの `p=none` です。

    ## どこを見るか
    DKIM 署名の下の鍵レコードのステップと、その警告「ドメインは DKIM をテスト中です（t=y）」。

    ## 受信者はどう扱うか
    RFC 6376 3.6.1: 検証者は、テストモードの署名者からのメッセージを、署名が検証できない場合でも、
    署名なしのメールと区別して扱ってはなりません（MUST NOT）。成功は成功のまま（DMARC にも数えられます）
    ですが、テスト中の鍵による署名の失敗をメッセージに不利に数えてはいけません。独自の評判システムでは
    テスト中の鍵による成功を無視する受信者もあります。

    ## どうするか
    startup.example のポストマスター: すべてのメールが署名され検証されていることをレポート（rua）で
    確認できたら、鍵レコードから `t=y` を削除し、その後 DMARC を p=none から quarantine または reject に
    進めてください。ヘルプデスク: t=y は送信者側の設定なので、対応は不要です。
    """


def testing_key(root):
    k = key(root, "startup-example-mail")
    msg = crlf("""
From: Startup Example <hello@startup.example>
To: investor@example.com
Subject: Our June update
Date: %s
Message-ID: <update-2024-06@startup.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hello,

here is our June update: two new customers and a first hire in support.

The Startup team
""" % DATE)
    sig = dkim_like(msg, k, "DKIM-Signature",
                    ["v=1", "a=rsa-sha256", "c=relaxed/relaxed", "d=startup.example",
                     "s=mail", "t=%d" % T_SIGN], HEADERS)
    msg = prepend(msg, sig)
    msg = prepend(msg,
                  b"Return-Path: <hello@startup.example>",
                  received("smtp.startup.example", "203.0.113.33", "mx.example.com", "4VsXkBhhh8",
                           "investor@example.com", "Sat, 01 Jun 2024 11:59:45"))
    zone = """
    startup.example.                 IN TXT "v=spf1 ip4:203.0.113.33 -all"
    smtp.startup.example.            IN A   203.0.113.33
    ; t=y: the domain is testing DKIM (RFC 6376 3.6.1).
    mail._domainkey.startup.example. IN TXT %s
    _dmarc.startup.example.          IN TXT "v=DMARC1; p=none; rua=mailto:dmarc@startup.example"
    """ % txt("v=DKIM1; k=rsa; t=y; p=" + public_b64(k))
    readme = """
    # testing-key: a valid signature from a key in testing mode

    ## What happened
    startup.example has just started with DKIM. Its key record carries `t=y`, the
    testing flag of RFC 6376 3.6.1. The signature verifies (body hash and RSA signature
    are fine) and SPF passes, so DMARC passes; the DMARC record is still `p=none`, the
    monitoring mode.

    ## Where to look
    Under the DKIM signature, the key-record step and its warning "The domain is testing
    DKIM (t=y)".

    ## What receivers do with it
    RFC 6376 3.6.1: verifiers "MUST NOT treat messages from Signers in testing mode
    differently from unsigned email, even should the signature fail to verify". A pass is
    still a pass (and counts for DMARC), but a failing signature under a testing key
    must not count against the message. Some receivers also ignore passes from testing
    keys in their own reputation systems.

    ## What to do
    Postmaster of startup.example: once reports (rua) show that all your mail is signed
    and verifies, remove `t=y` from the key record, then move DMARC from p=none to
    quarantine or reject. Help desk: t=y is a sender-side setting, no action needed.

    Run offline: `mailscope-cli verify --zone testing-key.zone --time 2024-06-01T12:00:00Z testing-key.eml`
    """
    write(root, "testing-key", msg, zone, readme, options(
        expect={"checks": {"spf": "pass", "dkim": "pass", "dmarc": "pass"},
                "dkim": [{"status": "pass", "domain": "startup.example", "testing": True}],
                "steps": ["dkim.key.testing:warning"]}), readme_ja=README_JA_TESTING_KEY)


def openssl(*args, stdin=None):
    return subprocess.run(["openssl"] + list(args), input=stdin, check=True,
                          capture_output=True).stdout


CA_CNF = """
[ca]
default_ca = d
[d]
database = index.txt
serial = serial
new_certs_dir = .
default_md = sha256
policy = p
unique_subject = no
[p]
organizationName = optional
commonName = supplied
emailAddress = optional
[v3_ca]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[v3_signer]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection
subjectAltName = email:k.tanaka@lawfirm.example
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
"""


def certificate(workdir, keypath, subject, serial, start, end, ext, ca=None):
    """A certificate with fixed dates and serial by `openssl ca` (deterministic: RSA PKCS#1
    v1.5 signatures, no random serial). ca=None: self-signed. Returns the PEM path."""
    cnf = os.path.join(workdir, "ca.cnf")
    with open(cnf, "w") as f:
        f.write(CA_CNF)
    for name, text in (("index.txt", ""), ("serial", serial + "\n")):
        with open(os.path.join(workdir, name), "w") as f:
            f.write(text)
    csr = os.path.join(workdir, "req.csr")
    out = os.path.join(workdir, serial + ".crt")
    openssl("req", "-new", "-key", keypath, "-subj", subject, "-out", csr)
    args = ["ca", "-batch", "-config", cnf, "-in", csr, "-startdate", start, "-enddate", end,
            "-extensions", ext, "-notext", "-preserveDN", "-out", out]
    if ca is None:
        args += ["-selfsign", "-keyfile", keypath]
    else:
        args += ["-cert", ca[0], "-keyfile", ca[1]]
    subprocess.run(["openssl"] + args, check=True, capture_output=True, cwd=workdir)
    return out


README_JA_SMIME_EXPIRED = """
    # smime-expired: 期限切れの証明書による正しい S/MIME 署名

    ## 何が起きたか
    田中健二さんはメールに S/MIME で署名しています。事務所自身の CA「Lawfirm Example Issuing CA」が
    発行した証明書の有効期間は 2023-05-01 から 2024-05-01 まででしたが、メールソフトはそれを使い続け、
    このメッセージは 2024-06-01 に送信されました。署名そのものは無傷（内容は変更されていません）で、
    証明書は事務所の CA まで連鎖しており、このシナリオではその CA を `smime-expired-ca.pem` で信頼します
    （設定 > S/MIME の信頼する証明書。シナリオのオプションが指定します）。しかし証明書は 1 か月前に
    期限切れになっていました。署名に signingTime 属性がないため、有効性は評価時刻
    2024-06-01T12:00:00Z で判断され、S/MIME は失敗します。lawfirm.example の SPF、DKIM、DMARC は
    成功しており、メールは確かに事務所のサーバーから来ています。

    ## どこを見るか
    S/MIME: 「署名は内容を直接対象にしており、一致します」（RFC 5652 5.4）、信頼された CA で終わる
    チェーンのステップ、そして「評価時刻に証明書は有効ではありません」（RFC 5280 6.1.3: 有効期間は
    パス検証の一部です）。メッセージに有効期間内の signingTime があれば、Mailscope は警告だけを表示します。
    証明書が有効な間に作られた署名は、証明書の期限が切れた後も有効だからです。

    ## どうするか
    ヘルプデスク: 送信者はおそらく本物（SPF/DKIM/DMARC は成功）ですが、署名は内容を保証できません。
    送信者に証明書の更新を依頼してください。送信者側の管理者: S/MIME 証明書を期限前に更新し、期限切れの
    ものはメールソフトから削除し、ソフトが signingTime を含めるようにしてください。
    """


def smime_expired(root):
    import tempfile
    kca = key(root, "lawfirm-example-ca")
    ksig = key(root, "lawfirm-example-tanaka")
    kd = key(root, "lawfirm-example-mail")
    with tempfile.TemporaryDirectory() as tmp:
        ca = certificate(tmp, kca, "/O=Lawfirm Example/CN=Lawfirm Example Issuing CA", "01",
                         "20200101000000Z", "20400101000000Z", "v3_ca")
        signer = certificate(tmp, ksig, "/O=Lawfirm Example/CN=Kenji Tanaka/"
                             "emailAddress=k.tanaka@lawfirm.example", "1A2B",
                             "20230501000000Z", "20240501000000Z", "v3_signer", (ca, kca))
        ca_pem = open(ca, "rb").read()
        # The signed part, in canonical form (CRLF): what the signature covers. In the
        # message it is followed by the CRLF that belongs to the next boundary line.
        part = crlf("""
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 7bit

Dear Ms. Example,

please find our comments on the draft agreement below; we agree with
clauses 1 to 7 and propose a shorter notice period in clause 8.

Kind regards,
Kenji Tanaka
Lawfirm Example
""")
        content = os.path.join(tmp, "part")
        with open(content, "wb") as f:
            f.write(part)
        # -noattr: no signed attributes, so no signingTime (which openssl would set to
        # "now" and make the sample change on every run); validity is then judged at the
        # evaluation time only (RFC 5652 11.3).
        der = openssl("cms", "-sign", "-binary", "-noattr", "-md", "sha256", "-signer", signer,
                      "-inkey", ksig, "-in", content, "-outform", "DER")
    boundary = "----=_Part_20240601_0001"
    sig_b64 = "\n".join(textwrap.wrap(base64.b64encode(der).decode(), 76))
    msg = crlf("""
From: Kenji Tanaka <k.tanaka@lawfirm.example>
To: client@example.com
Subject: Comments on the draft agreement
Date: %s
Message-ID: <draft-comments-0601@lawfirm.example>
MIME-Version: 1.0
Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256;
 boundary="%s"

This is a cryptographically signed message in MIME format.

--%s
""" % (DATE, boundary, boundary)) + part + b"\r\n" + crlf("""
--%s
Content-Type: application/pkcs7-signature; name="smime.p7s"
Content-Transfer-Encoding: base64
Content-Disposition: attachment; filename="smime.p7s"
Content-Description: S/MIME Cryptographic Signature

%s

--%s--
""" % (boundary, sig_b64, boundary))
    sig = dkim_like(msg, kd, "DKIM-Signature",
                    ["v=1", "a=rsa-sha256", "c=relaxed/relaxed", "d=lawfirm.example",
                     "s=mail", "t=%d" % T_SIGN], HEADERS)
    msg = prepend(msg, sig)
    msg = prepend(msg,
                  b"Return-Path: <k.tanaka@lawfirm.example>",
                  received("mail.lawfirm.example", "198.51.100.60", "mx.example.com", "4VsXkCiii9",
                           "client@example.com", "Sat, 01 Jun 2024 11:59:44"))
    zone = """
    lawfirm.example.                 IN TXT "v=spf1 ip4:198.51.100.60 -all"
    mail.lawfirm.example.            IN A   198.51.100.60
    mail._domainkey.lawfirm.example. IN TXT %s
    _dmarc.lawfirm.example.          IN TXT "v=DMARC1; p=reject"
    """ % dkim_record(kd)
    readme = """
    # smime-expired: a good S/MIME signature from an expired certificate

    ## What happened
    Kenji Tanaka signs his mail with S/MIME. His certificate, issued by the firm's own
    CA "Lawfirm Example Issuing CA", was valid from 2023-05-01 to 2024-05-01; his mail
    program kept using it, and this message was sent on 2024-06-01. The signature itself
    is intact (the content was not changed) and the certificate chains to the firm's CA,
    which this scenario trusts through the file `smime-expired-ca.pem` (Settings >
    S/MIME trust certificates; the scenario loads it for you). But the certificate had
    expired a month before. The signature carries no signingTime attribute, so validity
    is judged at the evaluation time, 2024-06-01T12:00:00Z: S/MIME fails. SPF, DKIM and
    DMARC for lawfirm.example pass: the mail really comes from the firm's server.

    ## Where to look
    S/MIME: "The signature covers the content directly and matches" (RFC 5652 5.4), the
    chain step ending in the trusted CA, and "Certificates are not valid at the evaluation time" (RFC 5280 6.1.3: the
    validity period is part of path validation). Had the message carried a signingTime
    inside the validity period, Mailscope would show only a warning: a signature made
    while the certificate was valid stays valid after it expires.

    ## What to do
    Help desk: the sender is probably genuine (SPF/DKIM/DMARC pass) but the signature
    cannot vouch for the content; ask the sender to renew the certificate. Sender's
    administrator: renew S/MIME certificates before they expire and remove expired ones
    from the mail client; make the client include signingTime.

    Run offline: `mailscope-cli verify --zone smime-expired.zone --time 2024-06-01T12:00:00Z
    --smime-trust smime-expired-ca.pem --no-system-store smime-expired.eml` (a CLI without
    `--smime-trust` reports the chain as untrusted too). In the GUI add
    `smime-expired-ca.pem` under Settings > S/MIME trust certificates; the sample's
    smime-expired.json names it in "smime_trust".
    """
    write(root, "smime-expired", msg, zone, readme, options(
        smime_trust=["smime-expired-ca.pem"], smime_system_store=False,
        expect={"checks": {"spf": "pass", "dkim": "pass", "dmarc": "pass", "smime": "fail"},
                "smime": {"reason": "expired", "signer": "k.tanaka@lawfirm.example"},
                "steps": ["smime.validity.now:fail"]}), readme_ja=README_JA_SMIME_EXPIRED)
    with open(os.path.join(root, "resources/samples/smime-expired/smime-expired-ca.pem"),
              "wb") as f:
        f.write(ca_pem)


README_JA_STRICT_ALIGNMENT = """
    # strict-alignment: DKIM と SPF はサブドメインで成功、厳格な DMARC は不可

    ## 何が起きたか
    Corp Example の給与サービスは payroll@corp.example として送信しますが、d=mail.corp.example で署名し、
    エンベロープ送信者には bounce-3310@mail.corp.example を使います。どちらの検査も成功します。DKIM 署名は
    検証され、192.0.2.140 は mail.corp.example の SPF レコードに含まれています。corp.example の DMARC
    レコードは厳格アラインメント（`adkim=s; aspf=s`）を求めているため、DMARC は失敗し p=reject が
    適用されます。

    ## 緩和と厳格（RFC 7489 3.1.1、3.1.2）
    - 緩和（既定値、`r`）: 2 つのドメインの組織ドメインが同じであればよい。mail.corp.example と
      corp.example はどちらも corp.example なのでアラインします。
    - 厳格（`s`）: ドメインが完全に一致しなければならない。mail.corp.example は corp.example では
      ないので、DKIM も SPF もアラインしません。

    ## どこを見るか
    DMARC のアラインメントのステップ: それぞれに成功したドメイン、From ドメイン、モード（厳格）、
    一致しない理由が表示されます。

    ## どうするか
    corp.example のポストマスター: サービスに d=corp.example で署名させる（サービスに委任したセレクター）
    か、サブドメインからのメールが正当ならレコードを adkim=r/aspf=r に緩和してください。ヘルプデスク:
    これは送信者の設定の問題で、なりすましではありません。メッセージは確かに給与サービスから来ています。
    """


def strict_alignment(root):
    k = key(root, "mail-corp-example-esp")
    msg = crlf("""
From: Corp Example Payroll <payroll@corp.example>
To: employee@example.com
Subject: Your payslip for May is available
Date: %s
Message-ID: <payslip-2024-05-3310@mail.corp.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hello,

your payslip for May is available in the employee portal.

Corp Example Payroll
""" % DATE)
    # The payroll service signs and bounces with a subdomain of the From domain.
    sig = dkim_like(msg, k, "DKIM-Signature",
                    ["v=1", "a=rsa-sha256", "c=relaxed/relaxed", "d=mail.corp.example",
                     "s=esp1", "t=%d" % T_SIGN], HEADERS)
    msg = prepend(msg, sig)
    msg = prepend(msg,
                  b"Return-Path: <bounce-3310@mail.corp.example>",
                  received("o1.mail.corp.example", "192.0.2.140", "mx.example.com", "4VsXkDjjj0",
                           "employee@example.com", "Sat, 01 Jun 2024 11:59:43"))
    zone = """
    corp.example.                        IN TXT "v=spf1 ip4:192.0.2.128/28 -all"
    _dmarc.corp.example.                 IN TXT "v=DMARC1; p=reject; adkim=s; aspf=s"
    mail.corp.example.                   IN TXT "v=spf1 ip4:192.0.2.140 -all"
    o1.mail.corp.example.                IN A   192.0.2.140
    esp1._domainkey.mail.corp.example.   IN TXT %s
    """ % dkim_record(k)
    readme = """
    # strict-alignment: DKIM and SPF pass for a subdomain, strict DMARC says no

    ## What happened
    Corp Example's payroll service sends as payroll@corp.example but signs with
    d=mail.corp.example and uses bounce-3310@mail.corp.example as envelope sender. Both
    checks pass: the DKIM signature verifies and 192.0.2.140 is in mail.corp.example's
    SPF record. corp.example's DMARC record asks for strict alignment (`adkim=s;
    aspf=s`), so DMARC fails and p=reject applies.

    ## Relaxed versus strict (RFC 7489 3.1.1, 3.1.2)
    - Relaxed (the default, `r`): the two domains need the same Organizational Domain.
      mail.corp.example and corp.example share corp.example: aligned.
    - Strict (`s`): the domains must be identical. mail.corp.example is not
      corp.example: not aligned, for DKIM and for SPF.

    ## Where to look
    The DMARC alignment steps: each shows the passing domain, the From domain, the mode
    (strict) and why they do not match.

    ## What to do
    Postmaster of corp.example: either have the service sign with d=corp.example (a
    selector delegated to the service) or relax the record to adkim=r/aspf=r if
    subdomain mail is legitimate. Help desk: this is a sender configuration problem, not
    a forgery; the message really came from the payroll service.

    Run offline: `mailscope-cli verify --zone strict-alignment.zone --time 2024-06-01T12:00:00Z strict-alignment.eml`
    """
    write(root, "strict-alignment", msg, zone, readme, options(
        expect={"checks": {"spf": "pass", "dkim": "pass", "dmarc": "fail"},
                "spf": {"domain": "mail.corp.example"},
                "dkim": [{"status": "pass", "domain": "mail.corp.example"}],
                "dmarc": {"policy": "reject", "policyDomain": "corp.example",
                          "overriddenByArc": False}}), readme_ja=README_JA_STRICT_ALIGNMENT)


README_JA_MISSING_DMARC_RECORD = """
    # missing-dmarc-record: From ドメインにレコードがなく、親の sp= が適用される

    ## 何が起きたか
    ニュースレターは deals@news.shop.example から届きます。送ったのは、自社ドメインで署名し
    （d=esp.example）、バウンスも自社ドメイン（bounce-7781@esp.example）で受けるニュースレター配信
    サービスです。DKIM と SPF は成功しますが、対象は esp.example で、news.shop.example とはアラインしない
    ため DMARC は失敗します。どのポリシーが適用されるでしょうか。news.shop.example には `_dmarc`
    レコードがありません。そこで DMARC は組織ドメイン shop.example のレコード
    `v=DMARC1; p=none; sp=quarantine` を使います。作成者ドメインはサブドメインなので、`p=` ではなく
    `sp=` が適用されます。shop.example 自身は監視だけ（p=none）なのに、結果は quarantine になります。

    ## レコードを見つける 2 つの方法
    - RFC 9989 DNS ツリーウォーク（Mailscope の既定）: `_dmarc.news.shop.example`、続いて親を順に
      `_dmarc.shop.example`、`_dmarc.example` と問い合わせます。組織ドメインは、レコードを持つ名前のうち
      ラベル数が最も少ないもの、ここでは shop.example です（RFC 9989 4.10）。
    - Public Suffix List を使う RFC 7489 6.6.3: 組織ドメインはパブリックサフィックスに 1 ラベル加えたもの、
      shop.example です。`_dmarc.news.shop.example`、続いて `_dmarc.shop.example` を問い合わせます
      （設定 > DMARC の探索方法、または `--dmarc-discovery psl`）。
    ここではどちらも shop.example と sp=quarantine になりますが、PSL が知らないドメインや psd= タグを
    公開するドメインでは結果が異なることがあります。

    ## どこを見るか
    DMARC: ポリシーの探索のステップ（問い合わせと組織ドメイン）、アラインメントのステップ、
    `sp` を示す処置のステップ。

    ## どうするか
    shop.example のポストマスター: ニュースレター配信サービスに d=news.shop.example で署名させる
    （または news.shop.example の下のバウンスドメインを使わせる）か、明示的な
    `_dmarc.news.shop.example` レコードを公開してください。ヘルプデスク: quarantine は送信者の
    アドレスのレコードではなく、親ドメインの sp= ポリシーによるものです。
    """


def missing_dmarc_record(root):
    k = key(root, "esp-example-s2024")
    msg = crlf("""
From: Shop Example Deals <deals@news.shop.example>
To: reader@example.net
Subject: Summer sale: 20%% off everything
Date: %s
Message-ID: <summer-sale-7781@esp.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hello,

our summer sale starts today: 20%% off everything until Sunday.

Shop Example
""" % DATE)
    # A newsletter service signs with its own domain and bounces to its own domain.
    sig = dkim_like(msg, k, "DKIM-Signature",
                    ["v=1", "a=rsa-sha256", "c=relaxed/relaxed", "d=esp.example",
                     "s=s2024", "t=%d" % T_SIGN], HEADERS)
    msg = prepend(msg, sig)
    msg = prepend(msg,
                  b"Return-Path: <bounce-7781@esp.example>",
                  received("mta3.esp.example", "203.0.113.150", "mx.example.net", "4VsXkEkkk1",
                           "reader@example.net", "Sat, 01 Jun 2024 11:59:41"))
    zone = """
    ; news.shop.example exists but publishes no DMARC record of its own.
    news.shop.example.               IN A   192.0.2.90
    shop.example.                    IN TXT "v=spf1 ip4:192.0.2.80/29 -all"
    _dmarc.shop.example.             IN TXT "v=DMARC1; p=none; sp=quarantine; rua=mailto:dmarc@shop.example"
    esp.example.                     IN TXT "v=spf1 ip4:203.0.113.128/25 -all"
    mta3.esp.example.                IN A   203.0.113.150
    s2024._domainkey.esp.example.    IN TXT %s
    """ % dkim_record(k)
    readme = """
    # missing-dmarc-record: no record at the From domain, the parent's sp= applies

    ## What happened
    The newsletter comes from deals@news.shop.example, sent by a newsletter service that
    signs with its own domain (d=esp.example) and bounces to bounce-7781@esp.example. DKIM
    and SPF pass, but for esp.example, which does not align with news.shop.example, so
    DMARC fails. Which policy applies? news.shop.example has no `_dmarc` record. DMARC
    then uses the record of the Organizational Domain, shop.example:
    `v=DMARC1; p=none; sp=quarantine`. Because the author domain is a subdomain, `sp=`
    applies, not `p=`: the result is quarantine although shop.example itself only
    monitors (p=none).

    ## Two ways to find the record
    - RFC 9989 DNS Tree Walk (Mailscope's default): ask `_dmarc.news.shop.example`, then
      each parent, `_dmarc.shop.example`, `_dmarc.example`; the Organizational Domain is
      the name with the fewest labels that has a record, here shop.example (RFC 9989 4.10).
    - RFC 7489 6.6.3 with the Public Suffix List: the Organizational Domain is the public
      suffix plus one label, shop.example; ask `_dmarc.news.shop.example` and then
      `_dmarc.shop.example`. (Settings > DMARC discovery, or `--dmarc-discovery psl`.)
    Both give shop.example and sp=quarantine here; they can differ for domains the PSL
    does not know or that publish psd= tags.

    ## Where to look
    DMARC: the policy-discovery step (the queries and the Organizational Domain), the
    alignment steps, and the disposition naming `sp`.

    ## What to do
    Postmaster of shop.example: let the newsletter service sign with d=news.shop.example
    (or use a bounce domain under news.shop.example), or publish an explicit
    `_dmarc.news.shop.example` record. Help desk: the quarantine comes from the parent
    domain's sp= policy, not from a record at the sender's address.

    Run offline: `mailscope-cli verify --zone missing-dmarc-record.zone --time 2024-06-01T12:00:00Z missing-dmarc-record.eml`
    """
    write(root, "missing-dmarc-record", msg, zone, readme, options(
        expect={"checks": {"spf": "pass", "dkim": "pass", "dmarc": "fail"},
                "dmarc": {"policy": "quarantine", "policyDomain": "shop.example",
                          "fromDomain": "news.shop.example"},
                "same_with_psl_discovery": True}), readme_ja=README_JA_MISSING_DMARC_RECORD)

README_JA_DUAL_SIGNATURE = """
    # dual-signature: RSA と Ed25519 の二つの DKIM 署名

    ## 何が起きたか
    greenmail.example は同じメッセージに二つの DKIM 署名を付けています。従来の RSA
    (`a=rsa-sha256`, セレクタ rsa2024) と、RFC 8463 の Ed25519 (`a=ed25519-sha256`,
    セレクタ ed2024) です。どちらも検証に成功し、SPF も成功するので DMARC は成功します。

    ## Ed25519 の署名の違い
    - 鍵レコードは `k=ed25519` で、`p=` は 32 バイトの公開鍵そのもの（base64 で 44 文字）
      です。RSA-2048 の鍵（約 400 文字）よりずっと短く、DNS の TXT レコード一つに収まります。
    - 署名は、正規化したヘッダーの SHA-256 ハッシュに対する PureEdDSA 署名です
      （RFC 8463 3）。署名は 64 バイトです。
    - Ed25519 を知らない古い検証器は、その署名を未知のアルゴリズムとして無視し、RSA の署名で
      判定します（RFC 6376 3.3）。そのため移行期間中は両方で署名します（RFC 8463 の例の
      メッセージも両方の署名を持っています）。

    ## どこを見るか
    DKIM のステップ「2 個中 2 個の署名を検証」と、各署名の鍵レコードのステップ（鍵の形式
    「raw Ed25519」と鍵の長さ 256 ビット）。DMARC は整合した成功が一つあれば足ります。

    ## どうするか
    ポストマスター: Ed25519 の鍵を追加して二重に署名し、RSA の署名は Ed25519 をすべての
    受信者が検証できるようになるまで残してください。ヘルプデスク: 対応は不要です。

    オフラインで実行: `mailscope-cli verify --zone dual-signature.zone --time 2024-06-01T12:00:00Z dual-signature.eml`
    """


def dual_signature(root):
    rsa = key(root, "greenmail-example-rsa2024")
    ed = ed_key(root, "greenmail-example-ed2024")
    msg = crlf("""
From: Green Mail <news@greenmail.example>
To: Dana <dana@example.net>
Subject: Your June newsletter
Date: %s
Message-ID: <june-2024@greenmail.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hello Dana,

this month our new office runs on solar power, and the autumn catalogue is out.

Green Mail
""" % DATE)
    rsa_sig = dkim_like(msg, rsa, "DKIM-Signature",
                        ["v=1", "a=rsa-sha256", "c=relaxed/relaxed", "d=greenmail.example",
                         "s=rsa2024", "t=%d" % T_SIGN], HEADERS)
    ed_sig = dkim_like(msg, ed, "DKIM-Signature",
                       ["v=1", "a=ed25519-sha256", "c=relaxed/relaxed", "d=greenmail.example",
                        "s=ed2024", "t=%d" % T_SIGN], HEADERS, sign=ed_sign)
    msg = prepend(msg, ed_sig, rsa_sig)
    msg = prepend(msg,
                  b"Return-Path: <news@greenmail.example>",
                  received("mail.greenmail.example", "198.51.100.25", "mx.example.net",
                           "4VsXkGmmm2", "dana@example.net", "Sat, 01 Jun 2024 11:59:45"))
    zone = """
    greenmail.example.                    IN TXT "v=spf1 ip4:198.51.100.25 -all"
    mail.greenmail.example.               IN A   198.51.100.25
    rsa2024._domainkey.greenmail.example. IN TXT %s
    ; RFC 8463 4.2: k=ed25519, and p= is the bare 32-byte key.
    ed2024._domainkey.greenmail.example.  IN TXT %s
    _dmarc.greenmail.example.             IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@greenmail.example"
    """ % (dkim_record(rsa), txt("v=DKIM1; k=ed25519; p=" + ed_public_b64(ed)))
    readme = """
    # dual-signature: two DKIM signatures, RSA and Ed25519

    ## What happened
    greenmail.example signs each message twice: with RSA (`a=rsa-sha256`, selector
    rsa2024) and with Ed25519 as RFC 8463 defines it (`a=ed25519-sha256`, selector
    ed2024). Both signatures verify and SPF passes, so DMARC passes.

    ## What is different about Ed25519
    - The key record says `k=ed25519`, and `p=` is the bare 32-byte public key (44
      base64 characters), not a SubjectPublicKeyInfo: far shorter than an RSA-2048 key
      (about 400 characters) and always within one TXT string.
    - The signature is PureEdDSA over the SHA-256 hash of the canonicalized header
      (RFC 8463 3), 64 bytes.
    - A verifier that does not know Ed25519 ignores that signature as an unknown algorithm
      and judges by the RSA one (RFC 6376 3.3), which is why signers sign with both while
      verifiers catch up (RFC 8463's own example message carries both).

    ## Where to look
    The DKIM step "2 of 2 signatures verify", and under each signature the key-record step
    (key form "raw Ed25519", 256 bits). DMARC needs only one aligned pass.

    ## What to do
    Postmasters: add an Ed25519 key and sign twice; keep the RSA signature until every
    receiver you care about verifies Ed25519. Help desk: nothing to do.

    Run offline: `mailscope-cli verify --zone dual-signature.zone --time 2024-06-01T12:00:00Z dual-signature.eml`
    """
    write(root, "dual-signature", msg, zone, readme, options(
        expect={"checks": {"spf": "pass", "dkim": "pass", "dmarc": "pass"},
                "dkim": [{"status": "pass", "domain": "greenmail.example"},
                         {"status": "pass", "domain": "greenmail.example"}],
                "dmarc": {"policy": "reject", "policyDomain": "greenmail.example"}}),
          readme_ja=README_JA_DUAL_SIGNATURE)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    args = ap.parse_args()
    os.makedirs(os.path.join(args.root, "tests/data/samples-keys"), exist_ok=True)
    for f in (good, mailing_list, lookalike, revoked_key, forwarding, spf_lookup_limit,
              testing_key, smime_expired, strict_alignment, missing_dmarc_record,
              dual_signature):
        f(args.root)
