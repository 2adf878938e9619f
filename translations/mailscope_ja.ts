<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>Crypto</name>
    <message>
        <source>not base64: character &apos;%1&apos; at position %2</source>
        <translation>base64 ではありません: 位置 %2 の文字 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>not base64: wrong length or padding</source>
        <translation>base64 ではありません: 長さまたはパディングが不正</translation>
    </message>
    <message>
        <source>not base64</source>
        <translation>base64 ではありません</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>offline: no DNS query was sent</source>
        <translation>オフライン: DNS クエリは送信されていません</translation>
    </message>
    <message numerus="yes">
        <source>replayed DNS transcript (%n answers)</source>
        <translation>
            <numerusform>再生した DNS 記録（応答 %n 件）</numerusform>
        </translation>
    </message>
    <message>
        <source>zone files: %1</source>
        <translation>ゾーンファイル: %1</translation>
    </message>
    <message>
        <source>offline (no DNS)</source>
        <translation>オフライン（DNS なし）</translation>
    </message>
    <message>
        <source>DNS server &quot;%1&quot;: %2</source>
        <translation>DNS サーバー &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>live DNS (%1)</source>
        <translation>ライブ DNS（%1）</translation>
    </message>
    <message>
        <source>what-if record: %1</source>
        <translation>仮定レコード: %1</translation>
    </message>
    <message numerus="yes">
        <source>what-if (%n records)</source>
        <translation>
            <numerusform>仮定（レコード %n 件）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvidenceBundle</name>
    <message>
        <source>not an evidence bundle: %1</source>
        <translation>証拠バンドルではありません: %1</translation>
    </message>
    <message>
        <source>not an evidence bundle (schema &quot;%1&quot;)</source>
        <translation>証拠バンドルではありません（スキーマ &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>the bundle holds no message</source>
        <translation>バンドルにメッセージが含まれていません</translation>
    </message>
    <message>
        <source>the DNS transcript in the bundle is damaged: %1</source>
        <translation>バンドル内の DNS 記録が破損しています: %1</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>pasted message</source>
        <translation>貼り付けたメッセージ</translation>
    </message>
    <message>
        <source>Mailscope: %1</source>
        <translation>Mailscope: %1</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>判定: %1</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>チェック</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>signature d=%1 s=%2: %3</source>
        <translation>署名 d=%1 s=%2: %3</translation>
    </message>
    <message>
        <source>No check ran.</source>
        <translation>実行されたチェックはありません。</translation>
    </message>
    <message numerus="yes">
        <source>Evaluated at %1 UTC; %n DNS answers.</source>
        <translation>
            <numerusform>評価時刻 %1 UTC、DNS 応答 %n 件。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: now %2</source>
        <translation>%1: 現在 %2</translation>
    </message>
    <message>
        <source>%1: no longer run</source>
        <translation>%1: 実行されなくなりました</translation>
    </message>
    <message>
        <source>DKIM signature %1 (d=%2 s=%3)</source>
        <translation>DKIM 署名 %1（d=%2 s=%3）</translation>
    </message>
    <message>
        <source>SPF reason: %1</source>
        <translation>SPF の理由: %1</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Mailscope report: %1 — %2</source>
        <translation>Mailscope レポート: %1 — %2</translation>
    </message>
    <message>
        <source>could not lay out the PDF</source>
        <translation>PDF をレイアウトできませんでした</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <source>%1 character(s) outside the base64 alphabet were ignored (RFC 2045 6.8).</source>
        <translation>base64 のアルファベット以外の文字 %1 個を無視しました（RFC 2045 6.8）。</translation>
    </message>
    <message>
        <source>Base64 data continues after &quot;=&quot; padding; decoded anyway.</source>
        <translation>&quot;=&quot; のパディングの後に base64 データが続いています。そのまま復号しました。</translation>
    </message>
    <message>
        <source>The base64 data ends in the middle of a group: it may be truncated.</source>
        <translation>base64 データがグループの途中で終わっています。切り詰められている可能性があります。</translation>
    </message>
    <message>
        <source>%1 &quot;=&quot; sign(s) not followed by two hex digits were kept as is (RFC 2045 6.7).</source>
        <translation>後に 2 桁の 16 進数が続かない &quot;=&quot; 記号 %1 個をそのまま残しました（RFC 2045 6.7）。</translation>
    </message>
    <message>
        <source>Unknown transfer encoding &quot;%1&quot;; the body is shown as is (RFC 2045 6.4).</source>
        <translation>不明な転送エンコーディング &quot;%1&quot;。本文をそのまま表示します（RFC 2045 6.4）。</translation>
    </message>
</context>
<context>
    <name>Scenarios</name>
    <message>
        <source>A mailing list breaks DKIM</source>
        <translation>メーリングリストが DKIM を壊す</translation>
    </message>
    <message>
        <source>The list added a footer to the body and a tag to the Subject. The author&apos;s DKIM signature covered both, so its body hash no longer matches. Look at the DKIM step: Mailscope finds where the signed body ended and what was added after signing.</source>
        <translation>リストが本文にフッターを、Subject にタグを追加しました。作成者の DKIM 署名は両方を対象にしていたため、本文ハッシュが一致しなくなります。DKIM のステップを見てください。Mailscope は署名された本文がどこで終わり、署名後に何が追加されたかを突き止めます。</translation>
    </message>
    <message>
        <source>Forwarding breaks SPF; ARC carries the result</source>
        <translation>転送が SPF を壊し、ARC が結果を運ぶ</translation>
    </message>
    <message>
        <source>A forwarder re-sent the message from its own server, so SPF for the original domain fails. The forwarder sealed what it saw with ARC; if you trust that sealer, its recorded pass can stand in for the broken one.</source>
        <translation>転送者が自分のサーバーからメッセージを再送したため、元のドメインの SPF は失敗します。転送者は見た結果を ARC で封印しました。その封印者を信頼するなら、記録された pass を壊れた結果の代わりにできます。</translation>
    </message>
    <message>
        <source>An ARC chain</source>
        <translation>ARC チェーン</translation>
    </message>
    <message>
        <source>Each intermediary added an ARC set (seal, message signature, results). Follow the chain from the oldest instance to the newest and see where a result was recorded.</source>
        <translation>各中継者が ARC セット（封印、メッセージ署名、結果）を追加しました。最も古いインスタンスから最新のものへチェーンをたどり、どこで結果が記録されたかを確認してください。</translation>
    </message>
    <message>
        <source>A look-alike domain fails alignment</source>
        <translation>似せたドメインがアラインメントに失敗する</translation>
    </message>
    <message>
        <source>SPF and DKIM pass — for the sender&apos;s own look-alike domain. DMARC asks whether a passing domain matches the From domain; it does not, so DMARC fails. Passing checks alone prove nothing about the From address.</source>
        <translation>SPF と DKIM は成功します——ただし送信者自身の似せたドメインについてです。DMARC は成功したドメインが From のドメインと一致するかを問います。一致しないので DMARC は失敗します。チェックが成功しただけでは From アドレスについて何も証明されません。</translation>
    </message>
    <message>
        <source>SPF over the lookup limit</source>
        <translation>SPF が参照回数の上限を超える</translation>
    </message>
    <message>
        <source>Every include, a, mx, ptr, exists and redirect costs one DNS lookup; RFC 7208 allows ten. The record&apos;s includes exceed that, so SPF ends in permerror however the address would have matched.</source>
        <translation>include、a、mx、ptr、exists、redirect はそれぞれ DNS 参照を 1 回消費し、RFC 7208 が許すのは 10 回までです。このレコードの include はそれを超えるため、アドレスが一致したかどうかにかかわらず SPF は permerror になります。</translation>
    </message>
    <message>
        <source>A revoked DKIM key</source>
        <translation>失効した DKIM 鍵</translation>
    </message>
    <message>
        <source>The key record still exists but its p= is empty: the domain revoked the key. Signatures made with it must fail, even though the bytes are intact.</source>
        <translation>鍵レコードは存在しますが p= が空です。ドメインが鍵を失効させました。バイトが無傷でも、この鍵による署名は失敗しなければなりません。</translation>
    </message>
    <message>
        <source>A DKIM key in testing mode</source>
        <translation>テストモードの DKIM 鍵</translation>
    </message>
    <message>
        <source>The key carries t=y: the domain is testing DKIM and asks receivers not to treat failures differently from unsigned mail.</source>
        <translation>鍵に t=y があります。ドメインは DKIM をテスト中で、失敗を署名なしのメールと区別して扱わないよう受信者に求めています。</translation>
    </message>
    <message>
        <source>An S/MIME signature</source>
        <translation>S/MIME 署名</translation>
    </message>
    <message>
        <source>The content is signed with the sender&apos;s certificate. The signature may be intact while the certificate has expired or is not trusted: the tree shows each question separately.</source>
        <translation>内容は送信者の証明書で署名されています。署名が無傷でも、証明書が期限切れだったり信頼されていなかったりすることがあります。ツリーはそれぞれの問いを別々に示します。</translation>
    </message>
    <message>
        <source>A strict-alignment failure</source>
        <translation>厳格アラインメントの失敗</translation>
    </message>
    <message>
        <source>DKIM passes for a subdomain of the From domain. Relaxed alignment would accept that, but the DMARC record asks for strict alignment (adkim=s), so the domains must be identical.</source>
        <translation>DKIM は From ドメインのサブドメインについて成功します。緩和アラインメントなら受け入れられますが、DMARC レコードが厳格アラインメント（adkim=s）を求めているため、ドメインは完全に一致しなければなりません。</translation>
    </message>
    <message>
        <source>No DMARC record: the organizational domain&apos;s policy</source>
        <translation>DMARC レコードなし: 組織ドメインのポリシー</translation>
    </message>
    <message>
        <source>The From domain has no DMARC record of its own. DMARC then looks for the organizational domain&apos;s record, and its policy (sp= or p=) applies.</source>
        <translation>From ドメインには独自の DMARC レコードがありません。そこで DMARC は組織ドメインのレコードを探し、そのポリシー（sp= または p=）が適用されます。</translation>
    </message>
    <message>
        <source>DMARC</source>
        <translation>DMARC</translation>
    </message>
    <message>
        <source>DMARC ties SPF and DKIM to the From domain and publishes what a receiver should do when neither aligned check passes.</source>
        <translation>DMARC は SPF と DKIM を From ドメインに結び付け、アラインしたチェックがどちらも成功しないとき受信者がどうすべきかを公開します。</translation>
    </message>
    <message>
        <source>Everything passes</source>
        <translation>すべて成功</translation>
    </message>
    <message>
        <source>A message as it should be: SPF authorizes the sending server, the DKIM signature verifies, and both align with the From domain, so DMARC passes.</source>
        <translation>あるべき姿のメッセージです。SPF が送信サーバーを許可し、DKIM 署名が検証され、どちらも From ドメインとアラインしているので DMARC が成功します。</translation>
    </message>
    <message>
        <source>DKIM</source>
        <translation>DKIM</translation>
    </message>
    <message>
        <source>Follow the signature from its tags to the canonical header and body bytes that were hashed, the key lookup and the signature check.</source>
        <translation>署名をタグから、ハッシュされた正規化済みヘッダーと本文のバイト、鍵の参照、署名の検査までたどってください。</translation>
    </message>
    <message>
        <source>SPF</source>
        <translation>SPF</translation>
    </message>
    <message>
        <source>Follow the SPF evaluation term by term: which mechanism matched the client address, and which DNS lookups it took.</source>
        <translation>SPF の評価を項目ごとにたどってください。どのメカニズムがクライアントアドレスに一致し、どの DNS 参照が必要だったかがわかります。</translation>
    </message>
    <message>
        <source>A plain forwarder re-sent the message from its own server and kept the original envelope sender, so SPF for example.org fails at the final receiver (RFC 7208 5.1), and without a DKIM signature DMARC fails too (p=reject). The forwarder sealed what it saw on arrival with ARC: its ARC-Authentication-Results record spf=pass and dmarc=pass. Look at the ARC chain and at the DMARC step &quot;A receiver trusting alumni.example.edu could override the DMARC failure&quot; (RFC 8617 7.2), shown when that sealer is trusted, as the scenario&apos;s options say. Postmasters: trust only sealers you know. Senders: sign with DKIM, which survives plain forwarding; SPF never does.</source>
        <translation>単純な転送者が、元のエンベロープ送信者を保ったまま自分のサーバーからメッセージを再送したため、最終受信者では example.org の SPF が失敗します（RFC 7208 5.1）。DKIM 署名がないので DMARC も失敗します（p=reject）。転送者は到着時に見た結果を ARC で封印しており、その ARC-Authentication-Results には spf=pass と dmarc=pass が記録されています。ARC チェーンと、DMARC のステップ「alumni.example.edu を信頼する受信者なら DMARC の失敗を上書きできます」（RFC 8617 7.2）を見てください。このステップは、シナリオのオプションのとおりその封印者を信頼しているときに表示されます。ポストマスター: 信頼する封印者は知っているものだけにしてください。送信者: DKIM で署名してください。DKIM は単純な転送を生き延びますが、SPF は決して生き延びません。</translation>
    </message>
    <message>
        <source>SPF over the DNS lookup limit</source>
        <translation>SPF が DNS 参照回数の上限を超える</translation>
    </message>
    <message>
        <source>Every include, a, mx, ptr, exists and redirect costs one DNS lookup, nested includes too, and RFC 7208 4.6.4 allows ten per evaluation. bigcorp.example&apos;s record needs eleven: mx (1), the office include (2) with its three includes (3-5), crm (6) with its a: term (7), helpdesk (8), newsletter (9), payroll (10) and finally the include listing the company&apos;s own servers (11). SPF stops there with permerror, before the term that would have matched. Look at the SPF step &quot;DNS lookup limit exceeded&quot;. DMARC still passes thanks to DKIM. Postmasters: drop unused services and replace includes of fixed ranges with ip4:/ip6: terms.</source>
        <translation>include、a、mx、ptr、exists、redirect はそれぞれ DNS 参照を 1 回消費し、入れ子の include も数えられます。RFC 7208 4.6.4 が 1 回の評価で許すのは 10 回までです。bigcorp.example のレコードには 11 回必要です: mx (1)、office の include (2) とその中の 3 つの include (3-5)、crm (6) とその a: 項 (7)、helpdesk (8)、newsletter (9)、payroll (10)、そして最後に自社サーバーを列挙した include (11)。SPF はそこで permerror となって止まり、一致するはずだった項には届きません。SPF のステップ「DNS 参照の上限を超えました」を見てください。DKIM のおかげで DMARC は成功しています。ポストマスター: 使っていないサービスを削除し、固定範囲の include を ip4:/ip6: 項に置き換えてください。</translation>
    </message>
    <message>
        <source>startup.example&apos;s key record carries t=y: the domain is testing DKIM (RFC 6376 3.6.1). The signature verifies and DMARC passes; the DKIM key step shows the warning &quot;The domain is testing DKIM (t=y)&quot;. Receivers must not treat mail from a testing signer differently from unsigned mail, even when its signature fails, so a failure would not count against the message. Postmasters: remove t=y once your reports show that all your mail is signed and verifies.</source>
        <translation>startup.example の鍵レコードには t=y があります。このドメインは DKIM をテスト中です（RFC 6376 3.6.1）。署名は検証され、DMARC も成功します。DKIM の鍵のステップに警告「ドメインは DKIM をテスト中です（t=y）」が表示されます。受信者は、テスト中の署名者からのメールを、署名が失敗した場合でも署名なしのメールと区別して扱ってはなりません。したがって失敗してもメッセージに不利には数えられません。ポストマスター: すべてのメールが署名され検証されていることをレポートで確認できたら、t=y を削除してください。</translation>
    </message>
    <message>
        <source>An expired S/MIME certificate</source>
        <translation>期限切れの S/MIME 証明書</translation>
    </message>
    <message>
        <source>The S/MIME signature is intact and the certificate chains to the firm&apos;s own CA (a trust certificate in the scenario&apos;s options: smime-expired-ca.pem), but the certificate was valid only until 2024-05-01 and the message was sent on 2024-06-01. With no signingTime in the signature, validity is judged at the evaluation time: see the S/MIME step &quot;Certificates are not valid at the evaluation time&quot; (RFC 5280 6.1.3). SPF, DKIM and DMARC pass, so the sender is probably genuine. Help desk: ask the sender to renew the certificate.</source>
        <translation>S/MIME 署名は無傷で、証明書は事務所自身の CA（シナリオのオプションにある信頼する証明書 smime-expired-ca.pem）まで連鎖しています。しかし証明書の有効期限は 2024-05-01 までで、メッセージは 2024-06-01 に送信されました。署名に signingTime がないため、有効性は評価時刻で判断されます。S/MIME のステップ「評価時刻に証明書は有効ではありません」（RFC 5280 6.1.3）を見てください。SPF、DKIM、DMARC は成功しているので、送信者はおそらく本物です。ヘルプデスク: 送信者に証明書の更新を依頼してください。</translation>
    </message>
    <message>
        <source>DKIM (d=mail.corp.example) and SPF (bounce@mail.corp.example) both pass for a subdomain of the From domain corp.example. Relaxed alignment only needs the same organizational domain and would accept that; corp.example&apos;s record asks for strict alignment (adkim=s; aspf=s), where the domains must be identical (RFC 7489 3.1.1, 3.1.2). Look at the DMARC alignment steps. Postmasters: sign with d=corp.example, or relax the record if subdomain mail is legitimate.</source>
        <translation>DKIM（d=mail.corp.example）と SPF（bounce@mail.corp.example）は、どちらも From ドメイン corp.example のサブドメインについて成功します。緩和アラインメントは同じ組織ドメインであればよいので、これを受け入れます。しかし corp.example のレコードは厳格アラインメント（adkim=s; aspf=s）を求めており、その場合ドメインは完全に一致しなければなりません（RFC 7489 3.1.1、3.1.2）。DMARC のアラインメントのステップを見てください。ポストマスター: d=corp.example で署名するか、サブドメインからのメールが正当ならレコードを緩和してください。</translation>
    </message>
    <message>
        <source>news.shop.example publishes no DMARC record. DMARC then uses the record of the organizational domain shop.example, found by the DNS tree walk (RFC 9989 4.10) or with the Public Suffix List (RFC 7489 6.6.3, Settings &gt; DMARC discovery): both give shop.example here. Its record says p=none; sp=quarantine, and for a subdomain sp= applies. The newsletter service&apos;s DKIM and SPF pass for its own domain esp.example, which does not align, so DMARC fails and quarantine applies. Look at the DMARC steps &quot;Policy discovery&quot; and &quot;Policy: sp=quarantine&quot;.</source>
        <translation>news.shop.example は DMARC レコードを公開していません。そこで DMARC は組織ドメイン shop.example のレコードを使います。組織ドメインは DNS ツリーウォーク（RFC 9989 4.10）でも、Public Suffix List（RFC 7489 6.6.3、設定 &gt; DMARC の探索方法）でも見つかり、ここではどちらも shop.example になります。そのレコードは p=none; sp=quarantine で、サブドメインには sp= が適用されます。ニュースレター配信サービスの DKIM と SPF は自社ドメイン esp.example について成功しますが、アラインしないため DMARC は失敗し、quarantine が適用されます。DMARC のステップ「ポリシーの探索」と「ポリシー: sp=quarantine」を見てください。</translation>
    </message>
    <message>
        <source>Two DKIM signatures: RSA and Ed25519</source>
        <translation>二つの DKIM 署名: RSA と Ed25519</translation>
    </message>
    <message>
        <source>greenmail.example signs each message twice, with RSA (s=rsa2024) and with Ed25519 (s=ed2024, a=ed25519-sha256, RFC 8463). Both verify, so DKIM and DMARC pass. Look at the two key-record steps: the Ed25519 record says k=ed25519 and its p= is the bare 32-byte key, 44 base64 characters against about 400 for RSA-2048. A verifier that does not know Ed25519 ignores that signature as an unknown algorithm and judges by the RSA one (RFC 6376 3.3). Postmasters: sign with both and keep RSA until your receivers verify Ed25519.</source>
        <translation>greenmail.example はメッセージごとに RSA（s=rsa2024）と Ed25519（s=ed2024、a=ed25519-sha256、RFC 8463）の二つで署名しています。どちらも検証に成功するので、DKIM と DMARC は成功します。二つの鍵レコードのステップを見てください。Ed25519 のレコードは k=ed25519 で、p= は 32 バイトの鍵そのもの、base64 で 44 文字です（RSA-2048 では約 400 文字）。Ed25519 を知らない検証器はその署名を未知のアルゴリズムとして無視し、RSA の署名で判定します（RFC 6376 3.3）。ポストマスター: 両方で署名し、受信者が Ed25519 を検証できるようになるまで RSA を残してください。</translation>
    </message>
</context>
<context>
    <name>Smime</name>
    <message>
        <source>not a CMS structure: %1</source>
        <translation>CMS 構造ではありません: %1</translation>
    </message>
    <message>
        <source>unsupported digest algorithm %1</source>
        <translation>未対応のダイジェストアルゴリズム %1</translation>
    </message>
    <message>
        <source>not an encrypted CMS structure</source>
        <translation>暗号化された CMS 構造ではありません</translation>
    </message>
    <message>
        <source>the key file is not PKCS#12 (DER): %1</source>
        <translation>鍵ファイルが PKCS#12（DER）ではありません: %1</translation>
    </message>
    <message>
        <source>cannot open the PKCS#12 file (wrong password?): %1</source>
        <translation>PKCS#12 ファイルを開けません（パスワードの誤り？）: %1</translation>
    </message>
    <message>
        <source>the key in the PKCS#12 file is not one of the message&apos;s recipients</source>
        <translation>PKCS#12 ファイルの鍵はメッセージの受信者のものではありません</translation>
    </message>
    <message>
        <source>decryption failed: %1</source>
        <translation>復号に失敗しました: %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 を読めません: %2</translation>
    </message>
    <message>
        <source>%1 is too large for a PEM file</source>
        <translation>%1 は PEM ファイルとしては大きすぎます</translation>
    </message>
    <message>
        <source>no PEM certificate found in %1</source>
        <translation>%1 に PEM 証明書が見つかりません</translation>
    </message>
</context>
<context>
    <name>StatusStyle</name>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>softfail</source>
        <translation>ソフト失敗</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>中立</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>ポリシー</translation>
    </message>
    <message>
        <source>temperror</source>
        <translation>一時エラー</translation>
    </message>
    <message>
        <source>permerror</source>
        <translation>恒久エラー</translation>
    </message>
    <message>
        <source>info</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Nothing to check (no record or no signature).</source>
        <translation>検査対象がありません（レコードも署名もありません）。</translation>
    </message>
    <message>
        <source>The check succeeded.</source>
        <translation>チェックは成功しました。</translation>
    </message>
    <message>
        <source>The check failed.</source>
        <translation>チェックは失敗しました。</translation>
    </message>
    <message>
        <source>Probably not authorized, but the domain asks not to reject.</source>
        <translation>おそらく許可されていませんが、ドメインは拒否しないよう求めています。</translation>
    </message>
    <message>
        <source>The domain makes no statement.</source>
        <translation>ドメインは何も表明していません。</translation>
    </message>
    <message>
        <source>Verified, but not accepted by local policy.</source>
        <translation>検証されましたが、ローカルポリシーで受け入れられません。</translation>
    </message>
    <message>
        <source>A temporary error (usually DNS); trying later may give a result.</source>
        <translation>一時的なエラー（多くは DNS）です。後で試すと結果が出るかもしれません。</translation>
    </message>
    <message>
        <source>A permanent error: the record or signature is broken.</source>
        <translation>恒久的なエラーです。レコードまたは署名が壊れています。</translation>
    </message>
    <message>
        <source>Information, no verdict.</source>
        <translation>情報です。判定ではありません。</translation>
    </message>
    <message>
        <source>A concern worth a look; it does not change the verdict.</source>
        <translation>確認する価値のある懸念です。判定は変わりません。</translation>
    </message>
</context>
<context>
    <name>dkim</name>
    <message>
        <source>The key %1 could not be fetched (%2). RFC 8617 5.2.1: every error, DNS included, is a permanent failure for ARC.</source>
        <translation>鍵 %1 を取得できませんでした（%2）。RFC 8617 5.2.1: DNS を含むすべてのエラーは、ARC では恒久的な失敗です。</translation>
    </message>
    <message>
        <source>No key record at %1 (RFC 6376 6.1.2).</source>
        <translation>%1 に鍵レコードがありません（RFC 6376 6.1.2）。</translation>
    </message>
    <message>
        <source>The key at %1 is revoked (empty p=).</source>
        <translation>%1 の鍵は失効しています（p= が空）。</translation>
    </message>
    <message>
        <source>The key at %1 is not for e-mail (s= service type, RFC 6376 3.6.1).</source>
        <translation>%1 の鍵は電子メール用ではありません（s= サービスタイプ、RFC 6376 3.6.1）。</translation>
    </message>
    <message>
        <source>The key at %1 is %2, the signature needs %3 (RFC 6376 3.6.1 k=).</source>
        <translation>%1 の鍵は %2 ですが、署名には %3 が必要です（RFC 6376 3.6.1 k=）。</translation>
    </message>
    <message>
        <source>The key&apos;s h= does not allow %1.</source>
        <translation>鍵の h= は %1 を許可していません。</translation>
    </message>
    <message>
        <source>The RSA key has %1 bits; RFC 8301 3.2: keys under 1024 bits are not valid.</source>
        <translation>RSA 鍵は %1 ビットです。RFC 8301 3.2: 1024 ビット未満の鍵は有効ではありません。</translation>
    </message>
    <message>
        <source>No usable key record at %1.</source>
        <translation>%1 に使用可能な鍵レコードがありません。</translation>
    </message>
</context>
<context>
    <name>ms</name>
    <message>
        <source>Content-Type &quot;%1&quot; is not type/subtype; treated as text/plain (RFC 2045 5.2).</source>
        <translation>Content-Type &quot;%1&quot; は type/subtype の形ではありません。text/plain として扱います（RFC 2045 5.2）。</translation>
    </message>
    <message>
        <source>A line in this part&apos;s header is not a header field; the body is taken to start there.</source>
        <translation>このパートのヘッダーにヘッダーフィールドでない行があります。そこから本文が始まるものとします。</translation>
    </message>
    <message>
        <source>This multipart entity has no boundary parameter (RFC 2046 5.1.1); its body is shown as one piece.</source>
        <translation>この multipart エンティティには boundary パラメーターがありません（RFC 2046 5.1.1）。本文を一つにまとめて表示します。</translation>
    </message>
    <message>
        <source>The boundary parameter is longer than 70 characters (RFC 2046 5.1.1 limit); its body is shown as one piece.</source>
        <translation>boundary パラメーターが 70 文字（RFC 2046 5.1.1 の上限）を超えています。本文を一つにまとめて表示します。</translation>
    </message>
    <message>
        <source>More than %1 MIME parts: the rest are not listed.</source>
        <translation>MIME パートが %1 個を超えています。残りは一覧にありません。</translation>
    </message>
    <message>
        <source>The boundary &quot;%1&quot; never appears in the body (RFC 2046 5.1.1); the body is shown as one piece.</source>
        <translation>境界 &quot;%1&quot; が本文に一度も現れません（RFC 2046 5.1.1）。本文を一つにまとめて表示します。</translation>
    </message>
    <message>
        <source>The closing boundary &quot;--%1--&quot; is missing (RFC 2046 5.1.1): the message may be truncated. The last part runs to the end.</source>
        <translation>終了境界 &quot;--%1--&quot; がありません（RFC 2046 5.1.1）。メッセージが切り詰められている可能性があります。最後のパートは末尾まで続きます。</translation>
    </message>
    <message>
        <source>MIME parts are nested more than %1 levels deep; deeper levels are not parsed (a normal message nests a few levels).</source>
        <translation>MIME パートの入れ子が %1 段を超えています。それより深い段は解析しません（通常のメッセージは数段です）。</translation>
    </message>
    <message>
        <source>Part %1: %2</source>
        <translation>パート %1: %2</translation>
    </message>
    <message>
        <source>content type</source>
        <translation>コンテンツタイプ</translation>
    </message>
    <message>
        <source>charset</source>
        <translation>文字セット</translation>
    </message>
    <message>
        <source>transfer encoding</source>
        <translation>転送エンコーディング</translation>
    </message>
    <message>
        <source>boundary</source>
        <translation>境界</translation>
    </message>
    <message>
        <source>file name</source>
        <translation>ファイル名</translation>
    </message>
    <message>
        <source>body size</source>
        <translation>本文サイズ</translation>
    </message>
    <message>
        <source>Further parts not listed</source>
        <translation>ほかのパート（一覧にはありません）</translation>
    </message>
    <message>
        <source>Mailscope report: %1</source>
        <translation>Mailscope レポート: %1</translation>
    </message>
    <message>
        <source>Mailscope report</source>
        <translation>Mailscope レポート</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Evaluated at</source>
        <translation>評価時刻</translation>
    </message>
    <message>
        <source>Client IP</source>
        <translation>クライアント IP</translation>
    </message>
    <message>
        <source>HELO</source>
        <translation>HELO</translation>
    </message>
    <message>
        <source>MAIL FROM</source>
        <translation>MAIL FROM</translation>
    </message>
    <message>
        <source>The verification was cancelled; results are incomplete.</source>
        <translation>検証はキャンセルされました。結果は不完全です。</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>チェック</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>DNS transcript</source>
        <translation>DNS 記録</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>型</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>レコード</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>The domain asks receivers to reject such mail (%1).</source>
        <translation>ドメインはこのようなメールを拒否するよう受信者に求めています（%1）。</translation>
    </message>
    <message>
        <source>The domain asks receivers to treat such mail as suspicious (%1).</source>
        <translation>ドメインはこのようなメールを疑わしいものとして扱うよう受信者に求めています（%1）。</translation>
    </message>
    <message>
        <source>The domain only monitors (%1), so receivers usually deliver it anyway.</source>
        <translation>ドメインは監視のみを行っている（%1）ため、受信者は通常そのまま配送します。</translation>
    </message>
    <message>
        <source>Reason: %1.</source>
        <translation>理由: %1。</translation>
    </message>
    <message>
        <source>The message carries a valid DKIM signature of %1; nothing was changed after signing.</source>
        <translation>メッセージには %1 の有効な DKIM 署名があります。署名後に変更はありません。</translation>
    </message>
    <message>
        <source>No DKIM signature on the message verifies (%1 signature(s); the first is from %2).</source>
        <translation>メッセージの DKIM 署名はどれも検証できません（署名 %1 件、最初の署名は %2 のもの）。</translation>
    </message>
    <message>
        <source>The sending server %1 is allowed to send mail for %2 (SPF pass).</source>
        <translation>送信サーバー %1 は %2 のメールを送ることを許可されています（SPF pass）。</translation>
    </message>
    <message>
        <source>The sending server %1 is not allowed to send mail for %2 (SPF fail).</source>
        <translation>送信サーバー %1 は %2 のメールを送ることを許可されていません（SPF fail）。</translation>
    </message>
    <message>
        <source>The sending server %1 is probably not allowed to send mail for %2 (SPF softfail).</source>
        <translation>送信サーバー %1 はおそらく %2 のメールを送ることを許可されていません（SPF softfail）。</translation>
    </message>
    <message>
        <source>SPF for %1 could not be checked because of a temporary DNS error.</source>
        <translation>一時的な DNS エラーのため、%1 の SPF を検査できませんでした。</translation>
    </message>
    <message>
        <source>The SPF record of %1 is broken (SPF permerror).</source>
        <translation>%1 の SPF レコードが壊れています（SPF permerror）。</translation>
    </message>
    <message>
        <source>SPF for %1 gives no answer either way (%2).</source>
        <translation>%1 の SPF はどちらとも言えません（%2）。</translation>
    </message>
    <message>
        <source>The verification was cancelled before it finished; results are incomplete.</source>
        <translation>検証は完了前にキャンセルされました。結果は不完全です。</translation>
    </message>
    <message>
        <source>The message really comes from %1: DMARC passed.</source>
        <translation>メッセージは確かに %1 から来ています: DMARC 成功。</translation>
    </message>
    <message>
        <source>DMARC failed for %1, but a trusted forwarder&apos;s ARC chain shows the message passed before it was forwarded.</source>
        <translation>%1 の DMARC は失敗しましたが、信頼する転送者の ARC チェーンは転送前にメッセージが成功していたことを示しています。</translation>
    </message>
    <message>
        <source>The message could not be shown to come from %1: DMARC failed.</source>
        <translation>メッセージが %1 から来たことを示せませんでした: DMARC 失敗。</translation>
    </message>
    <message>
        <source>DMARC for %1 could not be decided because of a temporary DNS error; try again later.</source>
        <translation>一時的な DNS エラーのため %1 の DMARC を判定できませんでした。後でもう一度試してください。</translation>
    </message>
    <message>
        <source>The DMARC policy of %1 is broken, so it cannot be applied.</source>
        <translation>%1 の DMARC ポリシーが壊れているため、適用できません。</translation>
    </message>
    <message>
        <source>DMARC for %1: %2.</source>
        <translation>%1 の DMARC: %2。</translation>
    </message>
    <message>
        <source>%1 publishes no DMARC policy, so the result rests on weaker checks.</source>
        <translation>%1 は DMARC ポリシーを公開していないため、結果はより弱いチェックに基づきます。</translation>
    </message>
    <message>
        <source>Nothing could be verified: no DMARC result, no DKIM signature and no SPF result.</source>
        <translation>何も検証できませんでした: DMARC の結果も DKIM 署名も SPF の結果もありません。</translation>
    </message>
    <message>
        <source>given by the user</source>
        <translation>ユーザーが指定</translation>
    </message>
    <message>
        <source>unknown exception</source>
        <translation>不明な例外</translation>
    </message>
    <message>
        <source>internal error in %1</source>
        <translation>%1 の内部エラー</translation>
    </message>
    <message>
        <source>The %1 check stopped unexpectedly (%2). This is a bug in Mailscope, not a property of the message; the other checks are unaffected.</source>
        <translation>%1 チェックが予期せず停止しました（%2）。これはメッセージの性質ではなく Mailscope の不具合です。ほかのチェックには影響しません。</translation>
    </message>
    <message>
        <source>not run: the verification was cancelled</source>
        <translation>未実行: 検証がキャンセルされました</translation>
    </message>
    <message>
        <source>%1 not run: cancelled</source>
        <translation>%1 は未実行: キャンセル</translation>
    </message>
    <message>
        <source>The verification was cancelled or ran out of its time budget before this check started.</source>
        <translation>このチェックが始まる前に、検証がキャンセルされたか制限時間を超えました。</translation>
    </message>
    <message>
        <source>%1 records the same value.</source>
        <translation>%1 にも同じ値が記録されています。</translation>
    </message>
    <message>
        <source>Note: %1 records &quot;%2&quot; instead; if that field was added by your own server, it may be the better choice.</source>
        <translation>注: %1 には代わりに &quot;%2&quot; が記録されています。そのフィールドが自分のサーバーによって追加されたものなら、そちらのほうが適切な場合があります。</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>通常のファイルではありません</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>読めません: %1</translation>
    </message>
    <message>
        <source>empty file: there is no message to verify</source>
        <translation>空のファイル: 検証するメッセージがありません</translation>
    </message>
    <message>
        <source>no such file or directory</source>
        <translation>そのようなファイルやディレクトリはありません</translation>
    </message>
    <message>
        <source>no messages in this directory</source>
        <translation>このディレクトリにはメッセージがありません</translation>
    </message>
    <message>
        <source>the file changed while it was read</source>
        <translation>読み込み中にファイルが変更されました</translation>
    </message>
    <message>
        <source>no messages in this directory (%1 other file(s) left out)</source>
        <translation>このディレクトリにメッセージがありません（メッセージ以外のファイル %1 件を除外しました）</translation>
    </message>
    <message>
        <source>DMARC cannot be applied: the message names no author domain.</source>
        <translation>メッセージに作成者ドメインがないため、DMARC を適用できません。</translation>
    </message>
</context>
<context>
    <name>ms::Collector</name>
    <message>
        <source>not a regular file</source>
        <translation>通常のファイルではありません</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>読めません: %1</translation>
    </message>
    <message>
        <source>empty file: there is no message to verify</source>
        <translation>空のファイル: 検証するメッセージがありません</translation>
    </message>
    <message>
        <source>cannot read directory</source>
        <translation>ディレクトリを読めません</translation>
    </message>
    <message>
        <source>directory nested too deeply (more than %1 levels)</source>
        <translation>ディレクトリの入れ子が深すぎます（%1 段を超えています）</translation>
    </message>
</context>
<context>
    <name>ms::Message</name>
    <message>
        <source>No Received field names the client&apos;s address; enter the sending server&apos;s IP (--ip).</source>
        <translation>クライアントのアドレスを記す Received フィールドがありません。送信サーバーの IP を入力してください（--ip）。</translation>
    </message>
    <message>
        <source>The input is %1 bytes, more than the limit of %2 bytes; it was not parsed. Raise the size limit to examine it.</source>
        <translation>入力は %1 バイトで、上限の %2 バイトを超えているため解析しませんでした。調べるにはサイズの上限を上げてください。</translation>
    </message>
    <message>
        <source>The input is empty: there is no message to examine.</source>
        <translation>入力が空です。調べるメッセージがありません。</translation>
    </message>
    <message>
        <source>The first line is an mbox separator (&quot;%1&quot;), not part of the message; it was left out of the bytes that are verified.</source>
        <translation>最初の行は mbox の区切り行（&quot;%1&quot;）でメッセージの一部ではないため、検証するバイトから除きました。</translation>
    </message>
    <message numerus="yes">
        <source>%n leading byte(s) of blank lines (as copied from a mail client&apos;s &quot;show original&quot; view) were left out.</source>
        <translation>
            <numerusform>先頭の空行 %n バイト（メールソフトの「ソースを表示」からコピーしたもの）を除きました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every line was indented by the same %n whitespace character(s), as text copied from a mail client&apos;s view often is; the indentation was removed.</source>
        <translation>
            <numerusform>メールソフトの画面からコピーしたテキストによくあるように、すべての行が同じ %n 文字の空白で字下げされていたため、字下げを取り除きました。</numerusform>
        </translation>
    </message>
    <message>
        <source>The file uses LF line endings (%1 lines). Internet mail uses CRLF (RFC 5322 2.1), so verification works on a copy where every LF became CRLF; offsets are mapped back to the file.</source>
        <translation>このファイルの改行は LF です（%1 行）。インターネットメールは CRLF を使う（RFC 5322 2.1）ため、検証はすべての LF を CRLF にしたコピーで行い、位置は元のファイルに対応付けます。</translation>
    </message>
    <message>
        <source>The file mixes CRLF (%1) and bare LF (%2) line endings; every bare LF was turned into CRLF for verification (RFC 5322 2.1). Mixed endings often mean the message was edited or converted after it was sent, which can break signatures.</source>
        <translation>ファイルに CRLF（%1）と単独の LF（%2）の改行が混在しています。検証のため単独の LF はすべて CRLF にしました（RFC 5322 2.1）。混在は送信後にメッセージが編集・変換されたことを示すことが多く、署名を壊す原因になります。</translation>
    </message>
    <message>
        <source>The input has no line endings at all; it was read as one line.</source>
        <translation>入力に改行がまったくありません。1 行として読みました。</translation>
    </message>
    <message>
        <source>%1 carriage return(s) not followed by LF were kept as they are. RFC 5322 2.3 forbids a CR outside CRLF; some software treats them as line breaks, Mailscope does not.</source>
        <translation>LF の続かない CR %1 個をそのまま残しました。RFC 5322 2.3 は CRLF 以外の CR を禁じています。これを改行として扱うソフトもありますが、Mailscope は扱いません。</translation>
    </message>
    <message>
        <source>The last line had no line ending (common in pasted text); a CRLF was added. DKIM body canonicalization adds it too (RFC 6376 3.4.3, 3.4.4).</source>
        <translation>最後の行に改行がありませんでした（貼り付けたテキストによくあります）。CRLF を追加しました。DKIM の本文正規化でも追加されます（RFC 6376 3.4.3、3.4.4）。</translation>
    </message>
    <message>
        <source>The input contains %1 NUL byte(s); RFC 5322 2.3 does not allow them. They were kept, but this is not a normal message.</source>
        <translation>入力に NUL バイトが %1 個あります。RFC 5322 2.3 では許されていません。残してありますが、通常のメッセージではありません。</translation>
    </message>
    <message>
        <source>The input contains only blank lines: there is no message to examine.</source>
        <translation>入力は空行だけです。調べるメッセージがありません。</translation>
    </message>
    <message>
        <source>There is no blank line after the header fields, so this is read as header fields only (pasted headers): the body is not available, and checks that need it say so.</source>
        <translation>ヘッダーフィールドの後に空行がないため、ヘッダーフィールドのみ（貼り付けたヘッダー）として読みました。本文はなく、本文が必要なチェックはそう報告します。</translation>
    </message>
    <message>
        <source>No header fields were found: the first line (&quot;%1&quot;) is not a header field (RFC 5322 2.2: a name, a colon, a value). This does not look like an e-mail message; everything is treated as body.</source>
        <translation>ヘッダーフィールドが見つかりません。最初の行（&quot;%1&quot;）はヘッダーフィールド（RFC 5322 2.2: 名前、コロン、値）ではありません。電子メールのメッセージには見えないため、すべて本文として扱います。</translation>
    </message>
    <message>
        <source>Line &quot;%1&quot; after header field %2 is neither a header field nor a folded continuation, and no blank line came before it (RFC 5322 2.1 requires one between header and body). Like common MTAs, Mailscope ends the header block there and treats the rest as the body.</source>
        <translation>ヘッダーフィールド %2 の後の行 &quot;%1&quot; は、ヘッダーフィールドでも折り返しの続きでもなく、その前に空行もありません（RFC 5322 2.1 はヘッダーと本文の間に空行を求めます）。一般的な MTA と同じく、Mailscope はそこでヘッダーを終え、残りを本文として扱います。</translation>
    </message>
    <message>
        <source>Header field &quot;%1&quot; has a line of %2 characters; RFC 5322 2.1.1 limits lines to 998.</source>
        <translation>ヘッダーフィールド &quot;%1&quot; に %2 文字の行があります。RFC 5322 2.1.1 は 1 行を 998 文字までに制限しています。</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Original file</source>
        <translation>元のファイル</translation>
    </message>
    <message>
        <source>The message as read from the file: line endings, header fields and body (RFC 5322 2.1), MIME structure and the Received chain.</source>
        <translation>ファイルから読んだメッセージ: 改行、ヘッダーフィールドと本文（RFC 5322 2.1）、MIME 構造、Received チェーン。</translation>
    </message>
    <message>
        <source>size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 バイト</translation>
    </message>
    <message>
        <source>line endings</source>
        <translation>改行</translation>
    </message>
    <message>
        <source>normalized to CRLF</source>
        <translation>CRLF に正規化</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>verified size</source>
        <translation>検証したサイズ</translation>
    </message>
    <message>
        <source>mbox separator</source>
        <translation>mbox 区切り行</translation>
    </message>
    <message>
        <source>header fields</source>
        <translation>ヘッダーフィールド</translation>
    </message>
    <message>
        <source>body</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>NUL bytes</source>
        <translation>NUL バイト</translation>
    </message>
    <message>
        <source>bare CR</source>
        <translation>単独の CR</translation>
    </message>
    <message>
        <source>Received hops</source>
        <translation>Received ホップ</translation>
    </message>
    <message numerus="yes">
        <source>Header: %n field(s)</source>
        <translation>
            <numerusform>ヘッダー: %n 個のフィールド</numerusform>
        </translation>
    </message>
    <message>
        <source>Header fields from the top (newest, added last in transit) to the bottom (oldest). Each is a name, a colon and a value; lines starting with whitespace continue the field above (folding, RFC 5322 2.2.3).</source>
        <translation>ヘッダーフィールドを上（最新、転送中に最後に追加）から下（最古）へ並べています。各フィールドは名前、コロン、値からなり、空白で始まる行は上のフィールドの続きです（折り返し、RFC 5322 2.2.3）。</translation>
    </message>
    <message>
        <source>%1 further header fields not listed</source>
        <translation>ほかに %1 個のヘッダーフィールド（一覧にはありません）</translation>
    </message>
    <message>
        <source>offset</source>
        <translation>オフセット</translation>
    </message>
    <message>
        <source>Body: %1 bytes</source>
        <translation>本文: %1 バイト</translation>
    </message>
    <message>
        <source>Everything after the blank line that ends the header (RFC 5322 2.1).</source>
        <translation>ヘッダーを終える空行より後のすべて（RFC 5322 2.1）。</translation>
    </message>
    <message>
        <source>Body: not available</source>
        <translation>本文: なし</translation>
    </message>
    <message>
        <source>The input ends after the header fields (pasted headers). Checks that need the body, such as DKIM body hashes, cannot be done.</source>
        <translation>入力はヘッダーフィールドで終わっています（貼り付けたヘッダー）。DKIM の本文ハッシュなど、本文が必要なチェックはできません。</translation>
    </message>
    <message>
        <source>MIME structure: %1</source>
        <translation>MIME 構造: %1</translation>
    </message>
    <message numerus="yes">
        <source>Received chain: %n hop(s)</source>
        <translation>
            <numerusform>Received チェーン: %n ホップ</numerusform>
        </translation>
    </message>
    <message>
        <source>Each server that handled the message added a Received field at the top (RFC 5321 4.4), so the topmost hop is the last one.</source>
        <translation>メッセージを扱った各サーバーは先頭に Received フィールドを追加する（RFC 5321 4.4）ので、最上位のホップが最後のホップです。</translation>
    </message>
    <message>
        <source>Hop %1: %2 → %3</source>
        <translation>ホップ %1: %2 → %3</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（不明）</translation>
    </message>
    <message>
        <source>from (HELO)</source>
        <translation>from（HELO）</translation>
    </message>
    <message>
        <source>from (reverse DNS)</source>
        <translation>from（逆引き DNS）</translation>
    </message>
    <message>
        <source>from (IP)</source>
        <translation>from（IP）</translation>
    </message>
    <message>
        <source>by</source>
        <translation>by</translation>
    </message>
    <message>
        <source>with</source>
        <translation>with</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>for</source>
        <translation>for</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>TLS version</source>
        <translation>TLS バージョン</translation>
    </message>
    <message>
        <source>TLS cipher</source>
        <translation>TLS 暗号</translation>
    </message>
    <message>
        <source>format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>hop %1 is local delivery (%2)</source>
        <translation>ホップ %1 はローカル配送です（%2）</translation>
    </message>
    <message>
        <source>hop %1 names no client address</source>
        <translation>ホップ %1 にはクライアントアドレスがありません</translation>
    </message>
    <message>
        <source>hop %1 comes from the local or private address %2</source>
        <translation>ホップ %1 はローカルまたはプライベートアドレス %2 からのものです</translation>
    </message>
    <message>
        <source>hop %1 is a relay inside %2</source>
        <translation>ホップ %1 は %2 内部の中継です</translation>
    </message>
    <message>
        <source>Skipped above it: %1.</source>
        <translation>これより上でスキップしたホップ: %1。</translation>
    </message>
    <message>
        <source>Received field %1 from the top, written by %2 when the client connected</source>
        <translation>上から %1 番目の Received フィールド。クライアントの接続時に %2 が書き込んだもの</translation>
    </message>
    <message>
        <source>the receiving server</source>
        <translation>受信サーバー</translation>
    </message>
    <message>
        <source>Taken from %1: it is the topmost hop whose client is outside the receiving network, so it records the server that handed the message over. Fields below it were written by servers the receiver does not control and could be forged (RFC 5321 4.4).</source>
        <translation>%1 から取得: 受信側ネットワークの外にクライアントがある最上位のホップなので、メッセージを引き渡したサーバーが記録されています。それより下のフィールドは受信者が管理していないサーバーによって書き込まれたもので、偽造されている可能性があります（RFC 5321 4.4）。</translation>
    </message>
    <message>
        <source>The name the client gave in HELO/EHLO, as recorded in %1.</source>
        <translation>クライアントが HELO/EHLO で名乗った名前（%1 に記録されたもの）。</translation>
    </message>
    <message>
        <source>No usable Received field names the client; the Received-SPF field records the address the receiving server checked (client-ip=).</source>
        <translation>クライアントを示す使用可能な Received フィールドがありません。Received-SPF フィールドには、受信サーバーが検査したアドレス（client-ip=）が記録されています。</translation>
    </message>
    <message>
        <source>No usable Received field names the client; Authentication-Results records the connecting address (RFC 8601 2.7.3).</source>
        <translation>クライアントを示す使用可能な Received フィールドがありません。Authentication-Results には接続元アドレスが記録されています（RFC 8601 2.7.3）。</translation>
    </message>
    <message>
        <source>No usable Received field names the client; Authentication-Results says &quot;sender IP is&quot; this address.</source>
        <translation>クライアントを示す使用可能な Received フィールドがありません。Authentication-Results には、このアドレスが &quot;sender IP is&quot; として記録されています。</translation>
    </message>
    <message>
        <source>The Received-SPF field records the HELO name the receiving server saw (helo=).</source>
        <translation>Received-SPF フィールドには、受信サーバーが見た HELO 名（helo=）が記録されています。</translation>
    </message>
    <message>
        <source>Authentication-Results records the HELO name (smtp.helo, RFC 8601 2.7.2).</source>
        <translation>Authentication-Results に HELO 名が記録されています（smtp.helo、RFC 8601 2.7.2）。</translation>
    </message>
    <message>
        <source>No Received field records the client&apos;s HELO name; enter it (--helo) or leave it empty to skip the HELO check.</source>
        <translation>クライアントの HELO 名を記録した Received フィールドがありません。入力する（--helo）か、空のままにして HELO チェックを省略してください。</translation>
    </message>
    <message>
        <source>Return-Path is &quot;&lt;&gt;&quot;: the null reverse-path of a bounce or other automatic message (RFC 5321 4.5.5); SPF then checks the HELO name (RFC 7208 2.4).</source>
        <translation>Return-Path が &quot;&lt;&gt;&quot; です。バウンスなどの自動送信メッセージの空の reverse-path です（RFC 5321 4.5.5）。この場合、SPF は HELO 名を検査します（RFC 7208 2.4）。</translation>
    </message>
    <message>
        <source>Return-Path is where the delivering server recorded the envelope sender (MAIL FROM) (RFC 5321 4.4).</source>
        <translation>Return-Path は、配送サーバーがエンベロープ送信者（MAIL FROM）を記録した場所です（RFC 5321 4.4）。</translation>
    </message>
    <message>
        <source>There is no Return-Path; the Received-SPF field records the envelope sender (envelope-from=).</source>
        <translation>Return-Path がありません。Received-SPF フィールドにエンベロープ送信者（envelope-from=）が記録されています。</translation>
    </message>
    <message>
        <source>There is no Return-Path; Authentication-Results records the envelope sender (smtp.mailfrom, RFC 8601 2.7.2).</source>
        <translation>Return-Path がありません。Authentication-Results にエンベロープ送信者が記録されています（smtp.mailfrom、RFC 8601 2.7.2）。</translation>
    </message>
    <message>
        <source>There is no Return-Path; Authentication-Results records only the envelope sender&apos;s domain (smtp.mailfrom, RFC 8601 2.7.2).</source>
        <translation>Return-Path がありません。Authentication-Results にはエンベロープ送信者のドメインのみが記録されています（smtp.mailfrom、RFC 8601 2.7.2）。</translation>
    </message>
    <message>
        <source>No Return-Path field records the envelope sender; enter MAIL FROM (--mail-from), or &quot;&lt;&gt;&quot; for a bounce.</source>
        <translation>エンベロープ送信者を記録した Return-Path フィールドがありません。MAIL FROM を入力する（--mail-from）か、バウンスの場合は &quot;&lt;&gt;&quot; を入力してください。</translation>
    </message>
    <message>
        <source>The file starts with a UTF-8 byte order mark (added by a text editor); it is not part of the message and was left out.</source>
        <translation>ファイルが UTF-8 のバイトオーダーマーク（テキストエディターが追加したもの）で始まっています。これはメッセージの一部ではないため除外しました。</translation>
    </message>
    <message>
        <source>%1 header field(s), the first &quot;%2&quot;, contain bytes that are not UTF-8 (RFC 6532 3.2); they are displayed with replacement characters and verified as they are.</source>
        <translation>%1 個のヘッダーフィールド（最初は &quot;%2&quot;）に UTF-8 でないバイトが含まれています（RFC 6532 3.2）。置換文字を使って表示し、検証はそのままの内容で行います。</translation>
    </message>
    <message>
        <source>The header has %1 %2 fields; RFC 5322 3.6 allows one. Different programs may read different ones.</source>
        <translation>ヘッダーに %2 フィールドが %1 個あります。RFC 5322 3.6 で許されるのは 1 個です。プログラムによって読み取るフィールドが異なる場合があります。</translation>
    </message>
    <message>
        <source>The header has no %1 field, which RFC 5322 3.6 requires.</source>
        <translation>ヘッダーに %1 フィールドがありません。RFC 5322 3.6 では必須です。</translation>
    </message>
    <message>
        <source>%1 further hops not listed</source>
        <translation>ほかの %1 個のホップ（一覧にはありません）</translation>
    </message>
</context>
<context>
    <name>ms::Verifier</name>
    <message>
        <source>fixed by the user</source>
        <translation>ユーザーが指定</translation>
    </message>
    <message>
        <source>the message&apos;s Date field</source>
        <translation>メッセージの Date フィールド</translation>
    </message>
    <message>
        <source>now</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>The Date field could not be read, so the current time is used instead.</source>
        <translation>Date フィールドを読み取れなかったため、代わりに現在時刻を使います。</translation>
    </message>
    <message>
        <source>The message has no Date field, so the current time is used instead.</source>
        <translation>メッセージに Date フィールドがないため、代わりに現在時刻を使います。</translation>
    </message>
    <message>
        <source>The given evaluation time is not valid, so the current time is used.</source>
        <translation>指定された評価時刻が無効なため、現在時刻を使います。</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>検証</translation>
    </message>
    <message>
        <source>Verification of %1</source>
        <translation>%1 の検証</translation>
    </message>
    <message>
        <source>The verification was cancelled or ran out of its time budget; the results are incomplete.</source>
        <translation>検証がキャンセルされたか制限時間を超えたため、結果は不完全です。</translation>
    </message>
</context>
<context>
    <name>ms::arc</name>
    <message>
        <source>i=%1 is not a decimal instance number (RFC 8617 4.2.1).</source>
        <translation>i=%1 は 10 進数のインスタンス番号ではありません（RFC 8617 4.2.1）。</translation>
    </message>
    <message>
        <source>i=%1 has more than two digits (RFC 8617 3.9).</source>
        <translation>i=%1 は 2 桁を超えています（RFC 8617 3.9）。</translation>
    </message>
    <message>
        <source>i=%1 is outside 1..50 (RFC 8617 4.2.1).</source>
        <translation>i=%1 は 1..50 の範囲外です（RFC 8617 4.2.1）。</translation>
    </message>
    <message>
        <source>a=rsa-sha1 is not accepted: RFC 8301 3.1 forbids verifiers to treat SHA-1 signatures as valid.</source>
        <translation>a=rsa-sha1 は受け入れられません。RFC 8301 3.1 は、検証者が SHA-1 署名を有効として扱うことを禁じています。</translation>
    </message>
    <message>
        <source>Unknown signing algorithm a=%1 (RFC 6376 3.5).</source>
        <translation>不明な署名アルゴリズム a=%1（RFC 6376 3.5）。</translation>
    </message>
    <message>
        <source>ARC-Message-Signature i=%1</source>
        <translation>ARC-Message-Signature i=%1</translation>
    </message>
    <message>
        <source>The tag-list is malformed: %1 (RFC 6376 3.2).</source>
        <translation>タグリストの形式が不正です: %1（RFC 6376 3.2）。</translation>
    </message>
    <message>
        <source>The required tag %1= is missing (RFC 6376 3.5).</source>
        <translation>必須タグ %1= がありません（RFC 6376 3.5）。</translation>
    </message>
    <message>
        <source>c=%1 is not a canonicalization (RFC 6376 3.5).</source>
        <translation>c=%1 は正規化方式ではありません（RFC 6376 3.5）。</translation>
    </message>
    <message>
        <source>h= includes ARC-Seal: an AMS must not sign ARC-Seal fields (RFC 8617 4.1.2).</source>
        <translation>h= に ARC-Seal が含まれています。AMS は ARC-Seal フィールドに署名してはなりません（RFC 8617 4.1.2）。</translation>
    </message>
    <message>
        <source>h= names ARC header fields, which RFC 8617 4.1.2 says must not be signed</source>
        <translation>h= に ARC ヘッダーフィールドが含まれていますが、RFC 8617 4.1.2 ではこれらに署名してはならないとされています</translation>
    </message>
    <message>
        <source>h= does not include From (RFC 6376 5.4 requires it).</source>
        <translation>h= に From が含まれていません（RFC 6376 5.4 では必須です）。</translation>
    </message>
    <message>
        <source>The input has no body (headers only), so the body hash cannot be checked.</source>
        <translation>入力に本文がない（ヘッダーのみ）ため、本文ハッシュを検査できません。</translation>
    </message>
    <message>
        <source>l= is not a number.</source>
        <translation>l= が数値ではありません。</translation>
    </message>
    <message>
        <source>l=%1 is longer than the canonical body (%2 bytes).</source>
        <translation>l=%1 が正規化済み本文（%2 バイト）より長くなっています。</translation>
    </message>
    <message>
        <source>ARC #%1 AMS canonical body</source>
        <translation>ARC #%1 AMS の正規化済み本文</translation>
    </message>
    <message>
        <source>Body hash does not match: the body changed after this hop signed it</source>
        <translation>本文ハッシュが一致しません: このホップが署名した後に本文が変更されました</translation>
    </message>
    <message>
        <source>The body hash (bh=) does not match the body (RFC 6376 6.1.3).</source>
        <translation>本文ハッシュ（bh=）が本文と一致しません（RFC 6376 6.1.3）。</translation>
    </message>
    <message>
        <source>Body hash matches</source>
        <translation>本文ハッシュが一致します</translation>
    </message>
    <message>
        <source>ARC #%1 AMS canonical header</source>
        <translation>ARC #%1 AMS の正規化済みヘッダー</translation>
    </message>
    <message>
        <source>Key %1._domainkey.%2</source>
        <translation>鍵 %1._domainkey.%2</translation>
    </message>
    <message>
        <source>Signature verifies over the signed header fields</source>
        <translation>署名されたヘッダーフィールドに対して署名が検証されます</translation>
    </message>
    <message>
        <source>Signature does not verify: a signed header field changed</source>
        <translation>署名が検証されません: 署名されたヘッダーフィールドが変更されました</translation>
    </message>
    <message>
        <source>The signature (b=) does not verify over the signed header fields.</source>
        <translation>署名（b=）が、署名されたヘッダーフィールドに対して検証されません。</translation>
    </message>
    <message>
        <source>The instance i= could not be read (RFC 8617 4.1.1).</source>
        <translation>インスタンス i= を読み取れませんでした（RFC 8617 4.1.1）。</translation>
    </message>
    <message>
        <source>The instance tag i= is missing (RFC 8617 4.2.1).</source>
        <translation>インスタンスタグ i= がありません（RFC 8617 4.2.1）。</translation>
    </message>
    <message>
        <source>%1 ARC header fields in %2 instances</source>
        <translation>ARC ヘッダーフィールド %1 個（インスタンス %2 個）</translation>
    </message>
    <message>
        <source>The fields are grouped by their instance tag i=, never by where they sit in the header.</source>
        <translation>フィールドはインスタンスタグ i= によってグループ化されます。ヘッダー内の位置によってグループ化されることはありません。</translation>
    </message>
    <message>
        <source>none: the message has no ARC header fields</source>
        <translation>none: メッセージに ARC ヘッダーフィールドがありません</translation>
    </message>
    <message>
        <source>fail: more than 50 ARC Sets or an instance above 50 (i=%1)</source>
        <translation>fail: ARC セットが 50 を超えているか、50 を超えるインスタンスがあります（i=%1）</translation>
    </message>
    <message>
        <source>fail: an ARC header field has no readable instance (%1)</source>
        <translation>fail: インスタンスを読み取れない ARC ヘッダーフィールドがあります（%1）</translation>
    </message>
    <message>
        <source>fail: the newest ARC-Seal (i=%1) already says cv=fail</source>
        <translation>fail: 最新の ARC-Seal（i=%1）がすでに cv=fail を示しています</translation>
    </message>
    <message>
        <source>Chain structure</source>
        <translation>チェーン構造</translation>
    </message>
    <message>
        <source>instance %1 is missing: instances must run 1..%2 without gaps</source>
        <translation>インスタンス %1 がありません: インスタンスは 1..%2 まで欠番なく続かなければなりません</translation>
    </message>
    <message>
        <source>instance %1 has no %2</source>
        <translation>インスタンス %1 に %2 がありません</translation>
    </message>
    <message>
        <source>instance %1 has %2 %3 fields (exactly one is allowed)</source>
        <translation>インスタンス %1 に %3 フィールドが %2 個あります（許されるのはちょうど 1 個です）</translation>
    </message>
    <message>
        <source>the ARC-Seal i=%1 says cv=%2, it must say cv=%3</source>
        <translation>ARC-Seal i=%1 は cv=%2 を示していますが、cv=%3 でなければなりません</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>（欠落）</translation>
    </message>
    <message>
        <source>fail: %1</source>
        <translation>fail: %1</translation>
    </message>
    <message>
        <source>Instances 1..%1, exactly one AAR, AMS and AS each, cv=none at i=1 and cv=pass after.</source>
        <translation>インスタンス 1..%1、AAR・AMS・AS がそれぞれちょうど 1 個、i=1 では cv=none、それ以降は cv=pass。</translation>
    </message>
    <message>
        <source>fail: the newest ARC-Message-Signature (i=%1) does not verify: %2</source>
        <translation>fail: 最新の ARC-Message-Signature（i=%1）が検証されません: %2</translation>
    </message>
    <message>
        <source>ARC-Seal i=%1</source>
        <translation>ARC-Seal i=%1</translation>
    </message>
    <message>
        <source>The ARC-Seal has an h= tag, which RFC 8617 4.1.3 forbids.</source>
        <translation>ARC-Seal に h= タグがあります。これは RFC 8617 4.1.3 で禁止されています。</translation>
    </message>
    <message>
        <source>A required tag (a, b, d, s, cv) is missing (RFC 8617 4.1.3).</source>
        <translation>必須タグ（a、b、d、s、cv）がありません（RFC 8617 4.1.3）。</translation>
    </message>
    <message>
        <source>ARC #%1 seal input</source>
        <translation>ARC #%1 封印の入力</translation>
    </message>
    <message>
        <source>The seal verifies over ARC Sets 1..%1 (AAR, AMS, AS each, relaxed).</source>
        <translation>封印は ARC セット 1..%1（それぞれ AAR、AMS、AS、relaxed）に対して検証されます。</translation>
    </message>
    <message>
        <source>The seal&apos;s signature does not verify: an ARC header field of instances 1..%1 changed after sealing.</source>
        <translation>封印の署名が検証されません: 封印後に、インスタンス 1..%1 の ARC ヘッダーフィールドが変更されました。</translation>
    </message>
    <message>
        <source>fail: the ARC-Seal i=%1 does not verify: %2</source>
        <translation>fail: ARC-Seal i=%1 が検証されません: %2</translation>
    </message>
    <message>
        <source>pass: %1 hop(s), every seal verifies</source>
        <translation>pass: %1 ホップ、すべての封印が検証されます</translation>
    </message>
    <message>
        <source>Hop %1</source>
        <translation>ホップ %1</translation>
    </message>
    <message>
        <source>Hop %1: sealed by %2</source>
        <translation>ホップ %1: %2 による封印</translation>
    </message>
    <message>
        <source>instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>sealer</source>
        <translation>封印者</translation>
    </message>
    <message>
        <source>cv</source>
        <translation>cv</translation>
    </message>
    <message>
        <source>sealed at</source>
        <translation>封印日時</translation>
    </message>
    <message>
        <source>What hop %1 saw (its ARC-Authentication-Results)</source>
        <translation>ホップ %1 が見た結果（その ARC-Authentication-Results）</translation>
    </message>
    <message>
        <source>The chain broke here: %1</source>
        <translation>チェーンはここで壊れました: %1</translation>
    </message>
    <message>
        <source>A failing chain is treated like no chain at all (RFC 8617 5.2).</source>
        <translation>失敗したチェーンは、チェーンがまったくない場合と同様に扱われます（RFC 8617 5.2）。</translation>
    </message>
    <message>
        <source>oldest-pass</source>
        <translation>oldest-pass</translation>
    </message>
</context>
<context>
    <name>ms::authres</name>
    <message>
        <source>Authentication results by %1</source>
        <translation>%1 による認証結果</translation>
    </message>
    <message>
        <source>(no authserv-id)</source>
        <translation>（authserv-id なし）</translation>
    </message>
    <message>
        <source>What the server named by the authserv-id recorded when it checked the message. Only trust it when that server is yours.</source>
        <translation>authserv-id が示すサーバーがメッセージを検査したときに記録した内容です。そのサーバーが自分のものである場合にだけ信頼してください。</translation>
    </message>
    <message>
        <source>none: no authentication was done</source>
        <translation>none: 認証は行われていません</translation>
    </message>
    <message>
        <source>(unnamed host)</source>
        <translation>（名前のないホスト）</translation>
    </message>
    <message>
        <source> from %1</source>
        <translation> （%1 から）</translation>
    </message>
    <message>
        <source>The DKIM key %1._domainkey.%2 was removed or revoked since delivery: the receiver found it, DNS no longer has it. Senders rotate keys and delete old ones; the message was fine when it arrived (RFC 6376 3.6.2).</source>
        <translation>DKIM 鍵 %1._domainkey.%2 は配送後に削除または失効されました。受信者は鍵を見つけましたが、現在の DNS にはありません。送信者は鍵をローテーションして古い鍵を削除するものです。メッセージは到着時には問題ありませんでした（RFC 6376 3.6.2）。</translation>
    </message>
    <message>
        <source>The DKIM key record of %1._domainkey.%2 changed since delivery (%3): the key published now is not the one the message was signed with.</source>
        <translation>%1._domainkey.%2 の DKIM 鍵レコードが配送後に変更されました（%3）。現在公開されている鍵は、メッセージの署名に使われた鍵ではありません。</translation>
    </message>
    <message>
        <source>Evaluation time: the signature&apos;s x= expiry has passed since delivery (RFC 6376 3.5). Evaluate at the message date to compare like for like.</source>
        <translation>評価時刻: 署名の x= の有効期限が配送後に過ぎています（RFC 6376 3.5）。同じ条件で比較するには、メッセージの日付で評価してください。</translation>
    </message>
    <message>
        <source>DNS does not answer now (temporary error); the receiver could look the key up at delivery.</source>
        <translation>DNS が現在応答しません（一時エラー）。配送時には受信者は鍵を参照できていました。</translation>
    </message>
    <message>
        <source>The message body was modified after delivery (%1) - by a mail client, an archive, a gateway or a forward: the body hash no longer matches what the receiver verified (RFC 6376 3.7).</source>
        <translation>メッセージ本文が配送後に変更されました（%1）。メールクライアント、アーカイブ、ゲートウェイ、転送などによるもので、本文ハッシュが受信者の検証したものと一致しなくなっています（RFC 6376 3.7）。</translation>
    </message>
    <message>
        <source>Signed header fields were modified after delivery (%1), e.g. by a mail client or a gateway tagging the Subject (RFC 6376 3.7).</source>
        <translation>署名されたヘッダーフィールドが配送後に変更されました（%1）。たとえばメールクライアントや、Subject にタグを付けるゲートウェイによるものです（RFC 6376 3.7）。</translation>
    </message>
    <message>
        <source>Something changed since delivery: the message or the key (%1).</source>
        <translation>配送後に何かが変わりました: メッセージまたは鍵（%1）。</translation>
    </message>
    <message>
        <source>The authserv-id %1 is the &quot;by&quot; host of Received hop #%2.</source>
        <translation>authserv-id %1 は Received ホップ #%2 の &quot;by&quot; ホストです。</translation>
    </message>
    <message>
        <source>The nearest Received field below it is hop #%1 (%2): an MTA prepends its Authentication-Results next to the Received field of the same delivery, so this field was added when %3 received the message.</source>
        <translation>この下で最も近い Received フィールドはホップ #%1（%2）です。MTA は Authentication-Results を同じ配送の Received フィールドのすぐ隣に先頭追加するため、このフィールドは %3 がメッセージを受信したときに追加されたものです。</translation>
    </message>
    <message>
        <source>that host</source>
        <translation>そのホスト</translation>
    </message>
    <message>
        <source>No Received field below it: it was added before any relay recorded the message - by the sender&apos;s own system, or forged by the sender (RFC 8601 7.2).</source>
        <translation>この下に Received フィールドがありません。どの中継がメッセージを記録するよりも前に追加されたもので、送信者自身のシステムによるものか、送信者による偽造です（RFC 8601 7.2）。</translation>
    </message>
    <message>
        <source>Trusted authserv-ids from the settings: %1.</source>
        <translation>設定で信頼されている authserv-id: %1。</translation>
    </message>
    <message>
        <source>No Authentication-Results field, so none to trust.</source>
        <translation>Authentication-Results フィールドがないため、信頼する対象もありません。</translation>
    </message>
    <message>
        <source>The topmost Authentication-Results field has no authserv-id; nothing is trusted until you name the ids in the settings.</source>
        <translation>最上位の Authentication-Results フィールドに authserv-id がありません。設定で ID を指定するまで、何も信頼されません。</translation>
    </message>
    <message>
        <source>No trusted authserv-ids are set, so Mailscope trusts %1: the authserv-id of the topmost Authentication-Results field, added last, by the system that delivered the message to you. Fields further down were added earlier by other systems, or written by the sender, and prove nothing (RFC 8601 5, 7.2). Set your own receivers&apos; ids to be sure.</source>
        <translation>信頼する authserv-id が設定されていないため、Mailscope は %1 を信頼します。これは最上位の Authentication-Results フィールドの authserv-id で、最後に、つまりメッセージをあなたに配送したシステムによって追加されたものです。それより下のフィールドは、ほかのシステムによって先に追加されたか送信者が書いたもので、何も証明しません（RFC 8601 5、7.2）。確実にするには、自分の受信サーバーの ID を設定してください。</translation>
    </message>
    <message>
        <source>Authentication-Results</source>
        <translation>Authentication-Results</translation>
    </message>
    <message>
        <source>What the receiving systems recorded at delivery, compared with what Mailscope computes now.</source>
        <translation>受信システムが配送時に記録した内容と、Mailscope が現在計算した結果の比較。</translation>
    </message>
    <message>
        <source>No trusted authserv-id</source>
        <translation>信頼する authserv-id なし</translation>
    </message>
    <message>
        <source>Trusted: %1</source>
        <translation>信頼済み: %1</translation>
    </message>
    <message>
        <source>Each field, the hop that added it, and whether its authserv-id is trusted.</source>
        <translation>各フィールド、それを追加したホップ、その authserv-id が信頼されているかどうか。</translation>
    </message>
    <message>
        <source>More than %1 fields: the rest are ignored</source>
        <translation>フィールドが %1 個を超えています。残りは無視されます</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>no authserv-id</source>
        <translation>authserv-id なし</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>信頼済み</translation>
    </message>
    <message>
        <source>not trusted</source>
        <translation>未信頼</translation>
    </message>
    <message>
        <source>Added at</source>
        <translation>追加箇所</translation>
    </message>
    <message>
        <source>hop #%1: %2</source>
        <translation>ホップ #%1: %2</translation>
    </message>
    <message>
        <source>before any Received hop</source>
        <translation>どの Received ホップよりも前</translation>
    </message>
    <message>
        <source>Which hop added it</source>
        <translation>追加したホップ</translation>
    </message>
    <message numerus="yes">
        <source>%n Authentication-Results field(s)</source>
        <translation>
            <numerusform>Authentication-Results フィールド %n 個</numerusform>
        </translation>
    </message>
    <message>
        <source>Same authserv-id as the receiver, but added before the message crossed the Internet</source>
        <translation>受信者と同じ authserv-id ですが、メッセージがインターネットを通過する前に追加されたもの</translation>
    </message>
    <message>
        <source>The receiver must remove fields carrying its own authserv-id from incoming mail (RFC 8601 5); this one came from outside and may have been written by the sender. It is not believed.</source>
        <translation>受信者は、受信メールから自身の authserv-id を持つフィールドを削除しなければなりません（RFC 8601 5）。このフィールドは外部から来たもので、送信者が書いた可能性があります。信用しません。</translation>
    </message>
    <message>
        <source>Different identity: the receiver checked %1, Mailscope checked %2 (from its envelope guess - set MAIL FROM to compare like for like).</source>
        <translation>識別子が異なります: 受信者は %1 を、Mailscope は %2 を検査しました（エンベロープの推測による。同じ条件で比較するには MAIL FROM を設定してください）。</translation>
    </message>
    <message>
        <source>DNS does not answer now (temporary error).</source>
        <translation>DNS が現在応答しません（一時エラー）。</translation>
    </message>
    <message>
        <source>The SPF record of %1 or the client address differ from delivery: the record was edited since (DNS changed), or Mailscope&apos;s guessed client IP %2 is not the one the receiver saw (RFC 7208 2.4).</source>
        <translation>%1 の SPF レコードまたはクライアントアドレスが配送時と異なります。その後レコードが編集された（DNS の変更）か、Mailscope が推測したクライアント IP %2 が受信者の見たものと異なります（RFC 7208 2.4）。</translation>
    </message>
    <message>
        <source>The receiver did not get a pass but Mailscope does now: the key was published or fixed after delivery, or the receiver&apos;s DNS failed at the time.</source>
        <translation>受信者は pass を得られませんでしたが、Mailscope では現在 pass になります。配送後に鍵が公開または修正されたか、当時受信者の DNS が失敗していました。</translation>
    </message>
    <message>
        <source>Mailscope finds no DKIM-Signature for %1 now: the signature field was removed after delivery.</source>
        <translation>Mailscope は現在 %1 の DKIM-Signature を見つけられません。署名フィールドは配送後に削除されました。</translation>
    </message>
    <message>
        <source>The message has no DKIM-Signature now: it was removed after delivery (a gateway or client stripped it).</source>
        <translation>メッセージに現在 DKIM-Signature がありません。配送後に削除されました（ゲートウェイまたはクライアントが取り除きました）。</translation>
    </message>
    <message numerus="yes">
        <source>The ARC chain now has %n set(s); sets added after this receiver (it may have sealed the message itself), a removed key or a modified message change the verdict (RFC 8617 5.2).</source>
        <translation>
            <numerusform>ARC チェーンには現在 %n 個のセットがあります。この受信者より後に追加されたセット（受信者自身がメッセージを封印した可能性があります）、削除された鍵、変更されたメッセージによって判定が変わります（RFC 8617 5.2）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Follows from the SPF/DKIM differences above: DMARC passes only with an aligned SPF or DKIM pass (RFC 7489 3.1).</source>
        <translation>上記の SPF/DKIM の違いによるものです。DMARC は、アラインした SPF または DKIM の pass がある場合にのみ成功します（RFC 7489 3.1）。</translation>
    </message>
    <message>
        <source>The DMARC record of %1 changed since delivery (DNS changed), or the receiver applied a local override.</source>
        <translation>%1 の DMARC レコードが配送後に変更された（DNS の変更）か、受信者がローカルでポリシーを上書きしました。</translation>
    </message>
    <message>
        <source>Per method: what the trusted receiver recorded at delivery, and what Mailscope computes now, with the likely reason when they differ.</source>
        <translation>メソッドごとに、信頼できる受信者が配送時に記録した結果と、Mailscope が現在計算した結果を示し、異なる場合は考えられる理由を示します。</translation>
    </message>
    <message>
        <source>not computed</source>
        <translation>未計算</translation>
    </message>
    <message>
        <source>%1%2: receiver %3, now %4</source>
        <translation>%1%2: 受信者 %3、現在 %4</translation>
    </message>
    <message>
        <source>Same result as at delivery.</source>
        <translation>配送時と同じ結果です。</translation>
    </message>
    <message>
        <source>Receiver (%1)</source>
        <translation>受信者（%1）</translation>
    </message>
    <message>
        <source>Mailscope now</source>
        <translation>Mailscope（現在）</translation>
    </message>
    <message>
        <source>Now, reason</source>
        <translation>現在の結果・理由</translation>
    </message>
    <message numerus="yes">
        <source>%n method(s) compared</source>
        <translation>
            <numerusform>%n 個のメソッドを比較しました</numerusform>
        </translation>
    </message>
    <message>
        <source>none: no Authentication-Results field to compare with</source>
        <translation>なし: 比較する Authentication-Results フィールドがありません</translation>
    </message>
    <message numerus="yes">
        <source>info: %n Authentication-Results field(s), none from a trusted authserv-id</source>
        <translation>
            <numerusform>情報: Authentication-Results フィールドが %n 個ありますが、信頼できる authserv-id のものはありません</numerusform>
        </translation>
    </message>
    <message>
        <source>differs: %1 said %2=%3 at delivery, Mailscope says %4 now - %5</source>
        <translation>相違: %1 は配送時に %2=%3 としましたが、Mailscope の現在の結果は %4 です - %5</translation>
    </message>
    <message numerus="yes">
        <source> (and %n more difference(s))</source>
        <translation>
            <numerusform> （ほかに %n 件の相違）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>agrees: %1 recorded the same results at delivery as Mailscope computes now (%n method(s))</source>
        <translation>
            <numerusform>一致: %1 が配送時に記録した結果は、Mailscope が現在計算した結果と同じです（%n 個のメソッド）</numerusform>
        </translation>
    </message>
    <message>
        <source>info: %1 recorded results, but Mailscope computed none of those methods to compare</source>
        <translation>情報: %1 は結果を記録していますが、Mailscope はそれらのメソッドをどれも計算していないため比較できません</translation>
    </message>
    <message>
        <source>Receiver vs now: %1</source>
        <translation>受信者と現在の比較: %1</translation>
    </message>
</context>
<context>
    <name>ms::authres::Parser</name>
    <message>
        <source>A &apos;)&apos; without its &apos;(&apos; was ignored.</source>
        <translation>対応する &apos;(&apos; のない &apos;)&apos; を無視しました。</translation>
    </message>
    <message>
        <source>A comment is not closed: its &apos;(&apos; has no matching &apos;)&apos;.</source>
        <translation>コメントが閉じられていません: &apos;(&apos; に対応する &apos;)&apos; がありません。</translation>
    </message>
    <message>
        <source>A quoted string is not closed.</source>
        <translation>引用文字列が閉じられていません。</translation>
    </message>
    <message>
        <source>A &apos;&quot;&apos; inside an unquoted value was kept as part of the value.</source>
        <translation>引用符で囲まれていない値の中の &apos;&quot;&apos; は値の一部として残しました。</translation>
    </message>
    <message>
        <source>The ARC-Authentication-Results field does not start with its instance &quot;i=N;&quot; (RFC 8617 4.1.1).</source>
        <translation>ARC-Authentication-Results フィールドがインスタンス &quot;i=N;&quot; で始まっていません（RFC 8617 4.1.1）。</translation>
    </message>
    <message>
        <source>The ARC instance &quot;i=&quot; is not a small decimal number (RFC 8617 4.2.1).</source>
        <translation>ARC のインスタンス &quot;i=&quot; が小さな 10 進数ではありません（RFC 8617 4.2.1）。</translation>
    </message>
    <message>
        <source>The ARC instance is not followed by &apos;;&apos; (RFC 8617 4.1.1).</source>
        <translation>ARC インスタンスの後に &apos;;&apos; がありません（RFC 8617 4.1.1）。</translation>
    </message>
    <message>
        <source>The field is empty: no authserv-id and no results (RFC 8601 2.2).</source>
        <translation>フィールドが空です。authserv-id も結果もありません（RFC 8601 2.2）。</translation>
    </message>
    <message>
        <source>The authserv-id is missing: the field starts with &apos;;&apos; (RFC 8601 2.2).</source>
        <translation>authserv-id がありません。フィールドが &apos;;&apos; で始まっています（RFC 8601 2.2）。</translation>
    </message>
    <message>
        <source>The authserv-id is missing: the field starts with a method result (RFC 8601 2.2). Outlook/Exchange write it like this.</source>
        <translation>authserv-id がありません。フィールドがメソッドの結果で始まっています（RFC 8601 2.2）。Outlook/Exchange はこの形で書き込みます。</translation>
    </message>
    <message>
        <source>The authserv-id &quot;%1&quot; holds characters a token may not have (RFC 8601 2.2).</source>
        <translation>authserv-id &quot;%1&quot; にトークンに使えない文字が含まれています（RFC 8601 2.2）。</translation>
    </message>
    <message>
        <source>Version %1 is not 1: RFC 8601 2.2 says to ignore a field whose version is not understood.</source>
        <translation>バージョン %1 は 1 ではありません。RFC 8601 2.2 では、理解できないバージョンのフィールドは無視することになっています。</translation>
    </message>
    <message>
        <source>No method result was found (RFC 8601 2.2 wants at least one, or &quot;none&quot;).</source>
        <translation>メソッドの結果が見つかりません（RFC 8601 2.2 では少なくとも 1 つ、または &quot;none&quot; が必要です）。</translation>
    </message>
    <message>
        <source>A trailing &apos;;&apos; ends the field (tolerated; not in RFC 8601 2.2).</source>
        <translation>末尾の &apos;;&apos; でフィールドが終わっています（許容します。RFC 8601 2.2 にはない形です）。</translation>
    </message>
    <message>
        <source>An empty result between two &apos;;&apos; was skipped.</source>
        <translation>2 つの &apos;;&apos; の間の空の結果を飛ばしました。</translation>
    </message>
    <message>
        <source>&quot;none&quot; after method results is not allowed (RFC 8601 2.2).</source>
        <translation>メソッドの結果の後に &quot;none&quot; は置けません（RFC 8601 2.2）。</translation>
    </message>
    <message>
        <source>A &apos;;&apos; is missing before &quot;%1&quot; (RFC 8601 2.2).</source>
        <translation>&quot;%1&quot; の前に &apos;;&apos; がありません（RFC 8601 2.2）。</translation>
    </message>
    <message>
        <source>&quot;none&quot; is not preceded by &apos;;&apos; (RFC 8601 2.2).</source>
        <translation>&quot;none&quot; の前に &apos;;&apos; がありません（RFC 8601 2.2）。</translation>
    </message>
    <message>
        <source>Unexpected text &quot;%1&quot; was skipped.</source>
        <translation>想定外のテキスト &quot;%1&quot; を飛ばしました。</translation>
    </message>
    <message>
        <source>A result without a method name was skipped.</source>
        <translation>メソッド名のない結果を飛ばしました。</translation>
    </message>
    <message>
        <source>The method version &quot;%1&quot; is not a number (RFC 8601 2.2).</source>
        <translation>メソッドのバージョン &quot;%1&quot; が数値ではありません（RFC 8601 2.2）。</translation>
    </message>
    <message>
        <source>The method &quot;%1&quot; has no &quot;=result&quot; (RFC 8601 2.2).</source>
        <translation>メソッド &quot;%1&quot; に &quot;=result&quot; がありません（RFC 8601 2.2）。</translation>
    </message>
    <message>
        <source>The method &quot;%1&quot; has an empty result (RFC 8601 2.2).</source>
        <translation>メソッド &quot;%1&quot; の結果が空です（RFC 8601 2.2）。</translation>
    </message>
    <message>
        <source>The result of &quot;%1&quot; is quoted; it should be a bare keyword.</source>
        <translation>&quot;%1&quot; の結果が引用符で囲まれています。裸のキーワードであるべきです。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a result registered for %2 (RFC 8601 2.7).</source>
        <translation>&quot;%1&quot; は %2 に登録された結果ではありません（RFC 8601 2.7）。</translation>
    </message>
    <message>
        <source>Unexpected character &apos;%1&apos; in the %2 result was skipped.</source>
        <translation>%2 の結果の中の想定外の文字 &apos;%1&apos; を飛ばしました。</translation>
    </message>
    <message>
        <source>The word &quot;%1&quot; in the %2 result is not &quot;property=value&quot; and was ignored (RFC 8601 2.2).</source>
        <translation>%2 の結果にある語 &quot;%1&quot; は &quot;property=value&quot; の形ではないため無視しました（RFC 8601 2.2）。</translation>
    </message>
    <message>
        <source>The %1 result has more than one reason (RFC 8601 2.2).</source>
        <translation>%1 の結果に理由が複数あります（RFC 8601 2.2）。</translation>
    </message>
    <message>
        <source>The reason of the %1 result comes after its properties (RFC 8601 2.2 puts it first).</source>
        <translation>%1 の結果の理由がプロパティの後にあります（RFC 8601 2.2 では先頭に置きます）。</translation>
    </message>
    <message>
        <source>&quot;%1=&quot; in the %2 result has no ptype (&quot;header.&quot;, &quot;smtp.&quot;, ...): a vendor extension, not RFC 8601 2.3.</source>
        <translation>%2 の結果にある &quot;%1=&quot; に ptype（&quot;header.&quot;、&quot;smtp.&quot; など）がありません。RFC 8601 2.3 ではなくベンダー独自の拡張です。</translation>
    </message>
    <message>
        <source>The property &quot;%1&quot; is incomplete (RFC 8601 2.3).</source>
        <translation>プロパティ &quot;%1&quot; が不完全です（RFC 8601 2.3）。</translation>
    </message>
</context>
<context>
    <name>ms::cli</name>
    <message>
        <source>Exit codes:
  0  every message was verified and no check failed
  1  at least one check failed (fail, softfail or permerror)
  2  usage error: unknown option, bad value, nothing to do
  3  input error: a file or directory could not be read or was empty
     (the other inputs were still verified)
  4  a temporary error left a result open (DNS timeout or SERVFAIL, DNS not
     available offline, the time budget ran out)
  5  the output could not be written (a full disk, a closed output): results
     are missing, and a batch stopped early
When several apply, 5 wins over all, 3 over 4, and 4 over 1.
</source>
        <translation>終了コード:
  0  すべてのメッセージを検証し、失敗したチェックはありません
  1  少なくとも 1 つのチェックが失敗しました（fail、softfail または permerror）
  2  使用方法のエラー: 不明なオプション、不正な値、処理対象なし
  3  入力エラー: ファイルまたはディレクトリを読めないか、空でした
     （ほかの入力は検証しました）
  4  一時的なエラーで結果が確定しませんでした（DNS のタイムアウトや SERVFAIL、
     オフラインで DNS を利用できない、時間の上限に達した）
  5  出力を書き込めませんでした（ディスクの空き不足、閉じられた出力）: 結果が
     欠けています。バッチは途中で止めました
複数が該当する場合は 5 がすべてより、3 が 4 より、4 が 1 より優先されます。
</translation>
    </message>
    <message>
        <source>cannot write the output: %1</source>
        <translation>出力を書き込めません: %1</translation>
    </message>
    <message>
        <source>a write failed</source>
        <translation>書き込みに失敗しました</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>読めません: %1</translation>
    </message>
    <message>
        <source>empty file: there is no message to verify</source>
        <translation>空のファイル: 検証するメッセージがありません</translation>
    </message>
    <message>
        <source>try &apos;mailscope-cli %1 --help&apos;</source>
        <translation>&apos;mailscope-cli %1 --help&apos; を試してください</translation>
    </message>
    <message>
        <source>Verify messages: .eml files, directories (recursively), Maildir folders (cur/ and new/) and mbox files (each message). Results go to stdout, diagnostics to stderr.</source>
        <translation>メッセージを検証します: .eml ファイル、ディレクトリ（再帰的）、Maildir フォルダー（cur/ と new/）、mbox ファイル（各メッセージ）。結果は stdout に、診断メッセージは stderr に出力します。</translation>
    </message>
    <message>
        <source>Files and directories to verify; - reads one message from standard input.</source>
        <translation>検証するファイルとディレクトリ。- を指定すると標準入力から 1 通のメッセージを読みます。</translation>
    </message>
    <message>
        <source>FILE|DIR...</source>
        <translation>FILE|DIR...</translation>
    </message>
    <message>
        <source>The SMTP client&apos;s IP address (overrides the guess from Received).</source>
        <translation>SMTP クライアントの IP アドレス（Received からの推測より優先）。</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>The HELO/EHLO name (overrides the guess).</source>
        <translation>HELO/EHLO 名（推測より優先）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>The MAIL FROM address; &apos;&lt;&gt;&apos; for bounces (overrides the guess).</source>
        <translation>MAIL FROM アドレス。バウンスの場合は &apos;&lt;&gt;&apos;（推測より優先）。</translation>
    </message>
    <message>
        <source>ADDR</source>
        <translation>ADDR</translation>
    </message>
    <message>
        <source>Run only these checks (comma-separated): %1.</source>
        <translation>これらのチェックのみを実行します（カンマ区切り）: %1。</translation>
    </message>
    <message>
        <source>LIST</source>
        <translation>LIST</translation>
    </message>
    <message>
        <source>Verify this many messages at once (default: the number of cores).</source>
        <translation>同時に検証するメッセージの数（既定: コア数）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Judge signatures and certificates as of: now (default), date (the message&apos;s Date field), or an ISO 8601 time (UTC unless it says otherwise).</source>
        <translation>署名と証明書を判定する時点: now（既定）、date（メッセージの Date フィールド）、または ISO 8601 形式の時刻（特に指定がなければ UTC）。</translation>
    </message>
    <message>
        <source>WHEN</source>
        <translation>WHEN</translation>
    </message>
    <message>
        <source>How DMARC finds the policy domain: treewalk (DMARCbis, default) or psl (RFC 7489).</source>
        <translation>DMARC がポリシードメインを見つける方法: treewalk（DMARCbis、既定）または psl（RFC 7489）。</translation>
    </message>
    <message>
        <source>METHOD</source>
        <translation>METHOD</translation>
    </message>
    <message>
        <source>An ARC sealer (d= domain) whose chain may override a DMARC failure (repeatable, or comma-separated).</source>
        <translation>チェーンによって DMARC の失敗を覆すことを認める ARC 封印者（d= のドメイン）。複数回指定するか、カンマ区切りで指定できます。</translation>
    </message>
    <message>
        <source>DOMAIN</source>
        <translation>DOMAIN</translation>
    </message>
    <message>
        <source>An authserv-id whose Authentication-Results are believed (repeatable, or comma-separated).</source>
        <translation>Authentication-Results を信頼する authserv-id。複数回指定するか、カンマ区切りで指定できます。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>After the results, print counts per check and result and the most common failure reasons.</source>
        <translation>結果の後に、チェックと結果ごとの件数、および最も多い失敗理由を出力します。</translation>
    </message>
    <message>
        <source>jsonl: include the step tree and sources in every line (json always has them).</source>
        <translation>jsonl: 各行にステップツリーとソースを含めます（json には常に含まれます）。</translation>
    </message>
    <message>
        <source>No progress bar (it is only drawn when stderr is a terminal).</source>
        <translation>進行状況バーを表示しません（バーは stderr が端末のときにのみ表示されます）。</translation>
    </message>
    <message>
        <source>Give up on a message after this many milliseconds, DNS included (default: 60000).</source>
        <translation>1 通のメッセージをこのミリ秒数で打ち切ります。DNS を含みます（既定: 60000）。</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>unknown format &apos;%1&apos; (text, json, jsonl or csv)</source>
        <translation>不明な形式 &apos;%1&apos;（text、json、jsonl または csv）</translation>
    </message>
    <message>
        <source>no input: give at least one file or directory</source>
        <translation>入力がありません: ファイルまたはディレクトリを少なくとも 1 つ指定してください</translation>
    </message>
    <message>
        <source>try &apos;mailscope-cli verify --help&apos;</source>
        <translation>&apos;mailscope-cli verify --help&apos; を試してください</translation>
    </message>
    <message>
        <source>unknown check &apos;%1&apos; (known: %2)</source>
        <translation>不明なチェック &apos;%1&apos;（既知のもの: %2）</translation>
    </message>
    <message>
        <source>note: the %1 check is not available in this build; it is left out</source>
        <translation>注意: このビルドでは %1 チェックを利用できないため、除外します</translation>
    </message>
    <message>
        <source>--checks needs at least one check name</source>
        <translation>--checks には少なくとも 1 つのチェック名が必要です</translation>
    </message>
    <message>
        <source>--time: &apos;%1&apos; is not now, date or an ISO 8601 time such as 2024-05-01T12:00:00Z</source>
        <translation>--time: &apos;%1&apos; は now、date、または 2024-05-01T12:00:00Z のような ISO 8601 形式の時刻ではありません</translation>
    </message>
    <message>
        <source>--dmarc-discovery: &apos;%1&apos; is not treewalk or psl</source>
        <translation>--dmarc-discovery: &apos;%1&apos; は treewalk でも psl でもありません</translation>
    </message>
    <message>
        <source>--time-budget: &apos;%1&apos; is not a positive number of milliseconds</source>
        <translation>--time-budget: &apos;%1&apos; は正のミリ秒数ではありません</translation>
    </message>
    <message>
        <source>--threads: &apos;%1&apos; is not a number from 1 to 1024</source>
        <translation>--threads: &apos;%1&apos; は 1 から 1024 までの数ではありません</translation>
    </message>
    <message>
        <source>--save-dns: %1</source>
        <translation>--save-dns: %1</translation>
    </message>
    <message>
        <source>Evaluate SPF (RFC 7208) for an SMTP envelope, without a message: which record applies, every term in order, and the result.</source>
        <translation>メッセージなしで SMTP エンベロープに対して SPF（RFC 7208）を評価します: どのレコードが適用されるか、各項目を順に、そして結果を示します。</translation>
    </message>
    <message>
        <source>The SMTP client&apos;s IP address (required).</source>
        <translation>SMTP クライアントの IP アドレス（必須）。</translation>
    </message>
    <message>
        <source>The HELO/EHLO name.</source>
        <translation>HELO/EHLO 名。</translation>
    </message>
    <message>
        <source>The MAIL FROM address; empty or &apos;&lt;&gt;&apos; for bounces.</source>
        <translation>MAIL FROM アドレス。バウンスの場合は空または &apos;&lt;&gt;&apos;。</translation>
    </message>
    <message>
        <source>Which identity to check: mailfrom (default) or helo.</source>
        <translation>チェックする識別子: mailfrom（既定）または helo。</translation>
    </message>
    <message>
        <source>unknown format &apos;%1&apos; (text, json or jsonl)</source>
        <translation>不明な形式 &apos;%1&apos;（text、json または jsonl）</translation>
    </message>
    <message>
        <source>--ip is required</source>
        <translation>--ip は必須です</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>予期しない引数 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--identity: &apos;%1&apos; is not mailfrom or helo</source>
        <translation>--identity: &apos;%1&apos; は mailfrom でも helo でもありません</translation>
    </message>
    <message>
        <source>given by the user</source>
        <translation>ユーザーが指定</translation>
    </message>
    <message>
        <source>SPF evaluation</source>
        <translation>SPF の評価</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>不明なコマンド &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--zone: cannot read &apos;%1&apos;</source>
        <translation>--zone: &apos;%1&apos; を読めません</translation>
    </message>
    <message>
        <source>zone: %1</source>
        <translation>ゾーン: %1</translation>
    </message>
    <message>
        <source>Usage: mailscope-cli COMMAND [options] [arguments]

Explains step by step why e-mail passes or fails SPF, DKIM, ARC, DMARC,
S/MIME and TLS checks.

Commands:
  verify [options] FILE|DIR...   verify messages: .eml files, directories,
                                 Maildir folders, mbox files
  spf --ip IP --helo NAME --mail-from ADDR [options]
                                 evaluate SPF for an envelope, without a message
  compare SENT RECEIVED          what changed in transit, per DKIM signature

  mailscope-cli COMMAND --help   options of a command
  mailscope-cli --version        the version

</source>
        <translation>使い方: mailscope-cli COMMAND [options] [arguments]

メールが SPF、DKIM、ARC、DMARC、S/MIME、TLS のチェックに成功または失敗する理由を
ステップごとに説明します。

コマンド:
  verify [options] FILE|DIR...   メッセージを検証: .eml ファイル、ディレクトリ、
                                 Maildir フォルダー、mbox ファイル
  spf --ip IP --helo NAME --mail-from ADDR [options]
                                 メッセージなしでエンベロープの SPF を評価
  compare SENT RECEIVED          DKIM 署名ごとに、転送中に変わった箇所を表示

  mailscope-cli COMMAND --help   コマンドのオプション
  mailscope-cli --version        バージョン

</translation>
    </message>
    <message>
        <source>Compare a message as sent with the same message as received: for each DKIM signature in both, what changed in its signed header fields and body (canonical forms, line by line).</source>
        <translation>送信時のメッセージと受信時の同じメッセージを比較します: 両方にある DKIM 署名ごとに、署名対象のヘッダーフィールドと本文で何が変わったかを示します（正規化した形で 1 行ずつ）。</translation>
    </message>
    <message>
        <source>The copy as sent (e.g. from the Sent folder).</source>
        <translation>送信時のコピー（例: 送信済みフォルダーから）。</translation>
    </message>
    <message>
        <source>SENT</source>
        <translation>SENT</translation>
    </message>
    <message>
        <source>The copy as received.</source>
        <translation>受信時のコピー。</translation>
    </message>
    <message>
        <source>RECEIVED</source>
        <translation>RECEIVED</translation>
    </message>
    <message>
        <source>Output format: text or json (default: text).</source>
        <translation>出力形式: text または json（既定: text）。</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>unknown format &apos;%1&apos; (text or json)</source>
        <translation>不明な形式 &apos;%1&apos;（text または json）</translation>
    </message>
    <message>
        <source>compare needs exactly two files: SENT RECEIVED</source>
        <translation>compare にはファイルがちょうど 2 つ必要です: SENT RECEIVED</translation>
    </message>
    <message>
        <source>not a single message</source>
        <translation>単一のメッセージではありません</translation>
    </message>
    <message>
        <source>--replay-dns: %1</source>
        <translation>--replay-dns: %1</translation>
    </message>
    <message>
        <source>--dns-server is ignored with --offline</source>
        <translation>--offline 指定時は --dns-server は無視されます</translation>
    </message>
    <message>
        <source>--dns-server: %1</source>
        <translation>--dns-server: %1</translation>
    </message>
    <message>
        <source>live DNS: %1</source>
        <translation>ライブ DNS: %1</translation>
    </message>
    <message>
        <source>larger than %1 bytes</source>
        <translation>%1 バイトを超えています</translation>
    </message>
    <message>
        <source>note: %1 file(s) in the folders left out, they do not look like messages (%2)</source>
        <translation>注意：フォルダ内のファイル %1 件はメッセージではないと判断し、除外しました（%2）</translation>
    </message>
    <message>
        <source>--%1 connects to the network, but DNS is offline here (--offline, --replay-dns, or --zone without --dns-server)</source>
        <translation>--%1 はネットワークに接続しますが、ここでは DNS がオフラインです（--offline、--replay-dns、または --dns-server なしの --zone）</translation>
    </message>
</context>
<context>
    <name>ms::cli::Batch</name>
    <message>
        <source>%1 message(s) in %2 s</source>
        <translation>%1 通のメッセージ（%2 秒）</translation>
    </message>
</context>
<context>
    <name>ms::cli::DnsOptions</name>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Never ask live DNS: names not in --zone/--replay-dns files are answered &apos;offline&apos; (a temporary error).</source>
        <translation>ライブ DNS には問い合わせません: --zone/--replay-dns のファイルにない名前には &apos;offline&apos;（一時エラー）と応答します。</translation>
    </message>
    <message>
        <source>Ask this DNS server instead of the system&apos;s resolvers.</source>
        <translation>システムのリゾルバーの代わりにこの DNS サーバーに問い合わせます。</translation>
    </message>
    <message>
        <source>HOST[:PORT]</source>
        <translation>HOST[:PORT]</translation>
    </message>
    <message>
        <source>Save every DNS answer used to this file (JSON transcript).</source>
        <translation>使用したすべての DNS 応答をこのファイルに保存します（JSON 形式の記録）。</translation>
    </message>
    <message>
        <source>Answer DNS from a transcript saved with --save-dns.</source>
        <translation>--save-dns で保存した記録から DNS に応答します。</translation>
    </message>
    <message>
        <source>Output format: text, json, jsonl or csv (default: text).</source>
        <translation>出力形式: text、json、jsonl または csv（既定: text）。</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>Answer DNS from this master file (repeatable). The zone files are then the whole DNS (no live query) unless --dns-server is also given, in which case they are laid over that server&apos;s answers.</source>
        <translation>このマスターファイルから DNS に応答します（複数指定可）。--dns-server も指定しない限り、ゾーンファイルが DNS のすべてになります（ライブの問い合わせはしません）。--dns-server を指定した場合は、そのサーバーの応答の上にゾーンファイルの内容を重ねます。</translation>
    </message>
</context>
<context>
    <name>ms::cli::SecurityOptions</name>
    <message>
        <source>S/MIME: decrypt encrypted messages with this key and certificate (PKCS#12, DER) in memory, then verify what is inside. The password comes from --pkcs12-password-file or --pkcs12-password-env, never from the command line.</source>
        <translation>S/MIME: 暗号化されたメッセージをこの鍵と証明書（PKCS#12、DER）でメモリー内で復号し、中身を検証します。パスワードは --pkcs12-password-file または --pkcs12-password-env から取得し、コマンドラインからは決して受け取りません。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Read the PKCS#12 password from this file (one trailing line end is ignored).</source>
        <translation>PKCS#12 のパスワードをこのファイルから読みます（末尾の改行 1 つは無視されます）。</translation>
    </message>
    <message>
        <source>Take the PKCS#12 password from this environment variable.</source>
        <translation>PKCS#12 のパスワードをこの環境変数から取得します。</translation>
    </message>
    <message>
        <source>VAR</source>
        <translation>VAR</translation>
    </message>
    <message>
        <source>S/MIME: also trust the CA certificates in this PEM file (repeatable).</source>
        <translation>S/MIME: この PEM ファイル内の CA 証明書も信頼します（複数指定可）。</translation>
    </message>
    <message>
        <source>PEM</source>
        <translation>PEM</translation>
    </message>
    <message>
        <source>S/MIME: do not trust the system&apos;s CA store, only --smime-trust files.</source>
        <translation>S/MIME: システムの CA ストアを信頼せず、--smime-trust のファイルだけを信頼します。</translation>
    </message>
    <message>
        <source>TLS: connect to this mail server (port 25 unless given) and report EHLO, STARTTLS, protocol, cipher, certificate chain, DANE and MTA-STS fit. Sends no mail. Off unless given.</source>
        <translation>TLS: このメールサーバーに接続し（指定がなければポート 25）、EHLO、STARTTLS、プロトコル、暗号スイート、証明書チェーン、DANE と MTA-STS への適合を報告します。メールは送信しません。指定しない限り行いません。</translation>
    </message>
    <message>
        <source>HOST[:PORT]</source>
        <translation>HOST[:PORT]</translation>
    </message>
    <message>
        <source>TLS: also trust the CA certificates in this PEM file for the live check and the MTA-STS policy host (repeatable).</source>
        <translation>TLS: ライブチェックと MTA-STS ポリシーホストについて、この PEM ファイル内の CA 証明書も信頼します（複数指定可）。</translation>
    </message>
    <message>
        <source>TLS: fetch the MTA-STS policy files over HTTPS (https://mta-sts.DOMAIN/.well-known/mta-sts.txt) and check the MX hosts against them. Off unless given.</source>
        <translation>TLS: MTA-STS ポリシーファイルを HTTPS で取得し（https://mta-sts.DOMAIN/.well-known/mta-sts.txt）、MX ホストをそれと照合します。指定しない限り行いません。</translation>
    </message>
    <message>
        <source>--%1 %2: %3</source>
        <translation>--%1 %2: %3</translation>
    </message>
    <message>
        <source>--%1 %2: no PEM certificate in the file</source>
        <translation>--%1 %2: ファイルに PEM 形式の証明書がありません</translation>
    </message>
    <message>
        <source>--tls-live-check needs a host name</source>
        <translation>--tls-live-check にはホスト名が必要です</translation>
    </message>
    <message>
        <source>a PKCS#12 password was given without --pkcs12</source>
        <translation>--pkcs12 なしで PKCS#12 のパスワードが指定されました</translation>
    </message>
    <message>
        <source>give the PKCS#12 password either in a file or in the environment, not both</source>
        <translation>PKCS#12 のパスワードはファイルか環境変数のどちらか一方で指定してください（両方は不可）</translation>
    </message>
    <message>
        <source>--pkcs12-password-file %1: %2</source>
        <translation>--pkcs12-password-file %1: %2</translation>
    </message>
    <message>
        <source>--pkcs12-password-env: the environment variable &apos;%1&apos; is not set</source>
        <translation>--pkcs12-password-env: 環境変数 &apos;%1&apos; が設定されていません</translation>
    </message>
    <message>
        <source>--pkcs12 %1: %2</source>
        <translation>--pkcs12 %1: %2</translation>
    </message>
</context>
<context>
    <name>ms::cli::Summary</name>
    <message>
        <source>Summary: %1 message(s), %2 could not be read</source>
        <translation>概要: メッセージ %1 通、読めなかったもの %2 通</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Most common failure reasons:</source>
        <translation>最も多い失敗理由:</translation>
    </message>
    <message>
        <source>%1 other file(s) in the folders left out: they do not look like messages</source>
        <translation>フォルダ内のその他のファイル %1 件を除外しました：メッセージではないと判断しました</translation>
    </message>
</context>
<context>
    <name>ms::crypto</name>
    <message>
        <source>the server refused the session (%1)</source>
        <translation>サーバーがセッションを拒否しました（%1）</translation>
    </message>
    <message>
        <source>EHLO was refused (%1)</source>
        <translation>EHLO が拒否されました（%1）</translation>
    </message>
    <message>
        <source>STARTTLS was refused (%1)</source>
        <translation>STARTTLS が拒否されました（%1）</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>サーバーが接続を閉じました</translation>
    </message>
    <message>
        <source>the HTTP response header is larger than %1 KiB</source>
        <translation>HTTP 応答ヘッダーが %1 KiB を超えています</translation>
    </message>
    <message>
        <source>the server closed the connection before the HTTP response header was complete</source>
        <translation>HTTP 応答ヘッダーが揃う前にサーバーが接続を閉じました</translation>
    </message>
    <message>
        <source>not an HTTP response: %1</source>
        <translation>HTTP 応答ではありません: %1</translation>
    </message>
    <message>
        <source>more than %1 HTTP header fields</source>
        <translation>HTTP ヘッダーフィールドが %1 個を超えています</translation>
    </message>
    <message>
        <source>the body is larger than %1 bytes</source>
        <translation>本文が %1 バイトを超えています</translation>
    </message>
    <message>
        <source>malformed chunked body</source>
        <translation>チャンク形式の本文が不正です</translation>
    </message>
    <message>
        <source>malformed Content-Length: %1</source>
        <translation>Content-Length が不正です: %1</translation>
    </message>
</context>
<context>
    <name>ms::crypto::Conversation</name>
    <message>
        <source>connection timed out</source>
        <translation>接続がタイムアウトしました</translation>
    </message>
    <message>
        <source>cannot connect to %1 port %2: %3</source>
        <translation>%1 のポート %2 に接続できません: %3</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセルされました</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>サーバーが時間内に応答しませんでした</translation>
    </message>
    <message>
        <source>TLS write failed</source>
        <translation>TLS の書き込みに失敗しました</translation>
    </message>
    <message>
        <source>not an SMTP reply: %1</source>
        <translation>SMTP の応答ではありません: %1</translation>
    </message>
    <message>
        <source>reply too long</source>
        <translation>応答が長すぎます</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>サーバーが接続を閉じました</translation>
    </message>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>TLS ハンドシェイクに失敗しました: %1</translation>
    </message>
    <message>
        <source>%1 is not an IP address: %2</source>
        <translation>%1 は IP アドレスではありません: %2</translation>
    </message>
    <message>
        <source>OpenSSL error code %1</source>
        <translation>OpenSSL のエラーコード %1</translation>
    </message>
</context>
<context>
    <name>ms::crypto::PrivateKey</name>
    <message>
        <source>not a PEM private key</source>
        <translation>PEM 秘密鍵ではありません</translation>
    </message>
    <message>
        <source>an Ed25519 seed is 32 bytes, this one has %1</source>
        <translation>Ed25519 のシードは 32 バイトですが、これは %1 バイトです</translation>
    </message>
    <message>
        <source>not a valid Ed25519 seed</source>
        <translation>有効な Ed25519 シードではありません</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>鍵なし</translation>
    </message>
    <message>
        <source>signing failed</source>
        <translation>署名に失敗しました</translation>
    </message>
</context>
<context>
    <name>ms::crypto::PublicKey</name>
    <message>
        <source>not a SubjectPublicKeyInfo structure</source>
        <translation>SubjectPublicKeyInfo 構造ではありません</translation>
    </message>
    <message>
        <source>trailing bytes after the SubjectPublicKeyInfo structure</source>
        <translation>SubjectPublicKeyInfo 構造の後に余分なバイトがあります</translation>
    </message>
    <message>
        <source>not a PKCS#1 RSAPublicKey structure</source>
        <translation>PKCS#1 RSAPublicKey 構造ではありません</translation>
    </message>
    <message>
        <source>trailing bytes after the RSAPublicKey structure</source>
        <translation>RSAPublicKey 構造の後に余分なバイトがあります</translation>
    </message>
    <message>
        <source>an Ed25519 public key is 32 bytes, this one has %1</source>
        <translation>Ed25519 公開鍵は 32 バイトですが、これは %1 バイトです</translation>
    </message>
    <message>
        <source>not a valid Ed25519 public key</source>
        <translation>有効な Ed25519 公開鍵ではありません</translation>
    </message>
    <message>
        <source>not a PEM public key</source>
        <translation>PEM 公開鍵ではありません</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>鍵なし</translation>
    </message>
    <message>
        <source>the RSA signature does not match</source>
        <translation>RSA 署名が一致しません</translation>
    </message>
    <message>
        <source>the Ed25519 signature does not match</source>
        <translation>Ed25519 署名が一致しません</translation>
    </message>
    <message>
        <source>unsupported key type</source>
        <translation>未対応の鍵の種類</translation>
    </message>
</context>
<context>
    <name>ms::detail</name>
    <message>
        <source>Content-Type is multipart but MIME-Version is missing (RFC 2045 4).</source>
        <translation>Content-Type は multipart ですが MIME-Version がありません（RFC 2045 4）。</translation>
    </message>
</context>
<context>
    <name>ms::dkim</name>
    <message>
        <source>Sent and received copies compared</source>
        <translation>送信版と受信版の比較</translation>
    </message>
    <message>
        <source>For each DKIM signature found in both copies, the canonical header block and body are compared line by line: the lines that differ are what changed in transit.</source>
        <translation>両方の版にある DKIM 署名ごとに、正規化ヘッダーブロックと本文を行単位で比較します。異なる行が転送中に変わった部分です。</translation>
    </message>
    <message>
        <source>only in the sent copy: d=%1 s=%2</source>
        <translation>送信版のみ: d=%1 s=%2</translation>
    </message>
    <message>
        <source>d=%1 s=%2: header %3, body %4</source>
        <translation>d=%1 s=%2: ヘッダー %3、本文 %4</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>変更あり</translation>
    </message>
    <message>
        <source>Canonical header differences</source>
        <translation>正規化ヘッダーの差分</translation>
    </message>
    <message>
        <source>Canonical body differences</source>
        <translation>正規化本文の差分</translation>
    </message>
    <message>
        <source>only in the received copy: d=%1 s=%2</source>
        <translation>受信版のみ: d=%1 s=%2</translation>
    </message>
    <message>
        <source>unknown tag: ignored (RFC 6376 3.2)</source>
        <translation>不明なタグ: 無視（RFC 6376 3.2）</translation>
    </message>
    <message>
        <source>Signature #%1: not checked (cancelled)</source>
        <translation>署名 #%1: 未検査（キャンセル）</translation>
    </message>
    <message>
        <source>DKIM</source>
        <translation>DKIM</translation>
    </message>
    <message>
        <source>none: the message has no DKIM signature</source>
        <translation>none: メッセージに DKIM 署名がありません</translation>
    </message>
    <message>
        <source>DKIM: no signature</source>
        <translation>DKIM: 署名なし</translation>
    </message>
    <message>
        <source>The message carries no DKIM-Signature header field, so no domain takes responsibility for it through DKIM.</source>
        <translation>メッセージに DKIM-Signature ヘッダーフィールドがないため、DKIM によって責任を持つドメインはありません。</translation>
    </message>
    <message>
        <source>pass: %1 of %2 signatures verify (%3)</source>
        <translation>pass: %2 件中 %1 件の署名が検証されました（%3）</translation>
    </message>
    <message>
        <source>DKIM: %1</source>
        <translation>DKIM: %1</translation>
    </message>
    <message>
        <source>no such header field</source>
        <translation>そのヘッダーフィールドはありません</translation>
    </message>
    <message>
        <source>the signature&apos;s tag-list is not usable</source>
        <translation>署名のタグリストが使えません</translation>
    </message>
    <message>
        <source>What changed in the body</source>
        <translation>本文で何が変わったか</translation>
    </message>
    <message>
        <source>The body hash differs from bh=. Mailscope looks for a prefix of the canonical body that matches bh= (content added after signing) and tries the usual transit changes, each undone and re-hashed.</source>
        <translation>本文ハッシュが bh= と異なります。Mailscope は bh= と一致する正規化本文の前方部分（署名後に追加された内容）を探し、よくある転送中の変更を一つずつ元に戻して再計算します。</translation>
    </message>
    <message>
        <source>Prefix search at line boundaries</source>
        <translation>行境界での前方一致の探索</translation>
    </message>
    <message>
        <source>bytes hashed</source>
        <translation>ハッシュしたバイト数</translation>
    </message>
    <message>
        <source>digest finalizations</source>
        <translation>ダイジェストの確定回数</translation>
    </message>
    <message>
        <source>The signed body ends at line %1; %2 lines / %3 bytes were added after signing (typical of a mailing-list footer), starting with &quot;%4&quot;.</source>
        <translation>署名された本文は %1 行目で終わり、署名後に %2 行／%3 バイトが追加されました（メーリングリストのフッターに典型的）。追加部分は &quot;%4&quot; で始まります。</translation>
    </message>
    <message>
        <source>Signed body ends at line %1: %2 lines added after signing</source>
        <translation>署名された本文は %1 行目で終わり、署名後に %2 行が追加されました</translation>
    </message>
    <message>
        <source>signed lines</source>
        <translation>署名された行</translation>
    </message>
    <message>
        <source>added lines</source>
        <translation>追加された行</translation>
    </message>
    <message>
        <source>added bytes</source>
        <translation>追加されたバイト</translation>
    </message>
    <message>
        <source>No prefix of the canonical body ending at a line boundary has the hash in bh=: the change is not only an addition at the end.</source>
        <translation>行境界で終わる正規化本文の前方部分に bh= のハッシュを持つものはありません。変更は末尾への追加だけではありません。</translation>
    </message>
    <message>
        <source>Line ends converted from LF to CRLF</source>
        <translation>改行が LF から CRLF に変換された</translation>
    </message>
    <message>
        <source>The signer hashed the body with bare LF line ends; a relay converted them to CRLF.</source>
        <translation>署名者は単独の LF の改行で本文をハッシュしました。中継サーバーがそれを CRLF に変換しました。</translation>
    </message>
    <message>
        <source>The file&apos;s own line ends</source>
        <translation>ファイル本来の改行</translation>
    </message>
    <message>
        <source>The file on disk does not use CRLF; the body matches bh= when hashed with its own line ends.</source>
        <translation>ディスク上のファイルは CRLF を使っていません。ファイル本来の改行でハッシュすると本文は bh= と一致します。</translation>
    </message>
    <message>
        <source>CR doubled before line ends</source>
        <translation>改行の前で CR が二重になった</translation>
    </message>
    <message>
        <source>A relay turned CRLF into CR CR LF.</source>
        <translation>中継サーバーが CRLF を CR CR LF に変えました。</translation>
    </message>
    <message>
        <source>Trailing whitespace added</source>
        <translation>行末の空白が追加された</translation>
    </message>
    <message>
        <source>A relay added spaces or tabs at the end of lines.</source>
        <translation>中継サーバーが行末に空白やタブを追加しました。</translation>
    </message>
    <message>
        <source>Final line end added</source>
        <translation>最後の改行が追加された</translation>
    </message>
    <message>
        <source>The body was signed without its final CRLF, which was added later.</source>
        <translation>本文は最後の CRLF なしで署名され、後から CRLF が追加されました。</translation>
    </message>
    <message>
        <source>Final empty line removed</source>
        <translation>最後の空行が削除された</translation>
    </message>
    <message>
        <source>The signer hashed an empty line at the end of the body that was removed later.</source>
        <translation>署名者は本文末尾の空行を含めてハッシュしましたが、その空行は後で削除されました。</translation>
    </message>
    <message>
        <source>SMTP dot-stuffing not reversed</source>
        <translation>SMTP のドット詰めが元に戻されていない</translation>
    </message>
    <message>
        <source>Lines starting with &quot;.&quot; kept the extra dot SMTP adds in transit (RFC 5321 4.5.2).</source>
        <translation>&quot;.&quot; で始まる行に、SMTP が転送中に加える余分なドットが残っています（RFC 5321 4.5.2）。</translation>
    </message>
    <message>
        <source>Proven: %1</source>
        <translation>証明済み: %1</translation>
    </message>
    <message>
        <source>Not this: %1</source>
        <translation>これではない: %1</translation>
    </message>
    <message>
        <source>The body changed after signing. It is not an addition at the end and none of the usual transit changes explains it; compare with the sent copy to see the difference.</source>
        <translation>本文は署名後に変更されました。末尾への追加ではなく、よくある転送中の変更でも説明できません。送信版と比較して違いを確認してください。</translation>
    </message>
    <message>
        <source>What changed in the header</source>
        <translation>ヘッダーで何が変わったか</translation>
    </message>
    <message>
        <source>A list tag was added to the Subject</source>
        <translation>Subject にリストのタグが追加された</translation>
    </message>
    <message>
        <source>A mailing list prefixed the Subject with &quot;%1&quot;.</source>
        <translation>メーリングリストが Subject の先頭に &quot;%1&quot; を付けました。</translation>
    </message>
    <message>
        <source>From rewritten (restored from %1)</source>
        <translation>From が書き換えられた（%1 から復元）</translation>
    </message>
    <message>
        <source>Header fields re-folded</source>
        <translation>ヘッダーフィールドが折り返し直された</translation>
    </message>
    <message>
        <source>A relay folded long header fields onto several lines; with simple canonicalization every byte of folding counts.</source>
        <translation>中継サーバーが長いヘッダーフィールドを複数行に折り返しました。simple 正規化では折り返しのバイトもすべて意味を持ちます。</translation>
    </message>
    <message>
        <source>A %1 field was added after signing</source>
        <translation>署名後に %1 フィールドが追加された</translation>
    </message>
    <message>
        <source>The %1 field at this position was not there when the message was signed.</source>
        <translation>この位置の %1 フィールドは、メッセージの署名時にはありませんでした。</translation>
    </message>
    <message>
        <source>%1: %2 With that edit undone the signature verifies.</source>
        <translation>%1: %2 この変更を元に戻すと署名は検証されます。</translation>
    </message>
    <message>
        <source>A signed header field changed after signing (or the key does not match the signature); none of the usual intermediary edits explains it.</source>
        <translation>署名されたヘッダーフィールドが署名後に変更されました（または鍵が署名と一致しません）。よくある中継者の編集では説明できません。</translation>
    </message>
    <message>
        <source>the key record is not a valid tag-list: %1</source>
        <translation>鍵レコードが有効なタグリストではありません: %1</translation>
    </message>
    <message>
        <source>v=%1: not a DKIM1 key record, so it is discarded</source>
        <translation>v=%1: DKIM1 の鍵レコードではないため破棄します</translation>
    </message>
    <message>
        <source>v= is not the first tag, so the record is discarded</source>
        <translation>v= が最初のタグではないため、レコードを破棄します</translation>
    </message>
    <message>
        <source>the key record has no p= tag</source>
        <translation>鍵レコードに p= タグがありません</translation>
    </message>
    <message>
        <source>p= is not valid base64: %1</source>
        <translation>p= が有効な base64 ではありません: %1</translation>
    </message>
    <message>
        <source>p= is empty: the key has been revoked</source>
        <translation>p= が空です: 鍵は失効しています</translation>
    </message>
    <message>
        <source>k=rsa but p= holds a %1 key</source>
        <translation>k=rsa ですが p= は %1 鍵です</translation>
    </message>
    <message>
        <source>unknown key type k=%1</source>
        <translation>不明な鍵の種類 k=%1</translation>
    </message>
    <message>
        <source>p= does not hold a usable %1 public key: %2</source>
        <translation>p= は使用できる %1 公開鍵ではありません: %2</translation>
    </message>
    <message>
        <source>Whitespace inside lines changed</source>
        <translation>行内の空白が変更されています</translation>
    </message>
    <message>
        <source>Only whitespace differs from what was signed: with runs of spaces and tabs collapsed and line-end whitespace dropped (relaxed canonicalization) the body matches bh=. Spaces were added or changed after signing (for example a double space), or the signer used relaxed although c= says simple.</source>
        <translation>署名されたものとの違いは空白だけです。連続するスペースとタブをまとめ、行末の空白を削除すると（relaxed 正規化）、本文は bh= と一致します。署名後にスペースが追加または変更された（例: 二重スペース）か、c= は simple なのに署名者が relaxed を使ったかのどちらかです。</translation>
    </message>
    <message>
        <source>Body canonicalization simple instead of relaxed</source>
        <translation>本文の正規化が relaxed ではなく simple</translation>
    </message>
    <message>
        <source>The signer hashed the body with simple canonicalization although c= says relaxed.</source>
        <translation>c= は relaxed なのに、署名者は simple 正規化で本文をハッシュしました。</translation>
    </message>
    <message>
        <source>The body was changed after signing. %1 With that change undone the body hash matches bh=.</source>
        <translation>署名後に本文が変更されました。%1 この変更を元に戻すと、本文ハッシュは bh= と一致します。</translation>
    </message>
    <message>
        <source>boundaries examined</source>
        <translation>調べた境界</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 中 %1</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>コスト</translation>
    </message>
    <message>
        <source>Every line boundary was examined: the body was hashed once and a copy of the running digest finished at each boundary.</source>
        <translation>すべての行境界を調べました: 本文を 1 回だけハッシュし、各境界で途中のダイジェストのコピーを確定させました。</translation>
    </message>
    <message>
        <source>None of the examined prefixes of the canonical body has the hash in bh=.</source>
        <translation>正規化された本文の先頭部分のうち、調べたどれも bh= のハッシュと一致しません。</translation>
    </message>
    <message>
        <source>The signature over the header fields does not verify. Mailscope undoes the usual intermediary edits, one at a time and then together, and checks each against the real b= with the real key.</source>
        <translation>ヘッダーフィールドに対する署名が検証できません。Mailscope は中継者がよく行う編集を 1 つずつ、次にまとめて元に戻し、それぞれを実際の b= と実際の鍵で確かめます。</translation>
    </message>
    <message>
        <source>An intermediary rewrote From (for example a mailing list protecting itself from DMARC); the original was &quot;%1&quot;, recovered from %2.</source>
        <translation>中継者が From を書き換えました（たとえば DMARC から身を守るメーリングリスト）。元の値は &quot;%1&quot; で、%2 から復元しました。</translation>
    </message>
    <message>
        <source>%1 rewritten (restored from %2)</source>
        <translation>%1 が書き換えられています（%2 から復元）</translation>
    </message>
    <message>
        <source>A list or forwarder replaced %1; the original was &quot;%2&quot;, kept in %3.</source>
        <translation>メーリングリストまたは転送者が %1 を置き換えました。元の値は &quot;%2&quot; で、%3 に残っています。</translation>
    </message>
    <message>
        <source>Two %1 fields were reordered</source>
        <translation>2 つの %1 フィールドの順序が入れ替わっています</translation>
    </message>
    <message>
        <source>Two %1 fields swapped places after signing; the signature takes instances bottom-up, so their order counts.</source>
        <translation>署名後に 2 つの %1 フィールドの位置が入れ替わりました。署名は同名フィールドを下から順に取り込むため、順序が意味を持ちます。</translation>
    </message>
    <message>
        <source>signature checks</source>
        <translation>署名の確認回数</translation>
    </message>
    <message>
        <source>%1 further DKIM signatures not checked</source>
        <translation>ほかに %1 個の DKIM 署名（検証していません）</translation>
    </message>
    <message>
        <source>The message carries %1 DKIM-Signature fields; only the first %2 (from the top) are verified. Real mail carries a few; this many is a denial-of-service attempt, which verifiers may limit.</source>
        <translation>このメッセージには DKIM-Signature フィールドが %1 個あります。検証するのは上から %2 個だけです。実際のメールの署名は数個であり、これほど多いのはサービス妨害（DoS）の試みです。検証者は検証する数を制限してかまいません。</translation>
    </message>
    <message>
        <source>%1 of at most %2</source>
        <translation>最大 %2 中 %1</translation>
    </message>
    <message>
        <source>%1 compression blocks of %2 allowed (one body hash: %3, and finishing it %4)</source>
        <translation>圧縮ブロック %1 個（上限 %2 個、本文ハッシュ 1 回分: %3 個とその確定 %4 個）</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>終了理由</translation>
    </message>
    <message>
        <source>at the matching prefix</source>
        <translation>一致する先頭部分で終了</translation>
    </message>
    <message>
        <source>every boundary examined</source>
        <translation>すべての境界を調べ終えた</translation>
    </message>
    <message>
        <source>budget of %1x one body hash spent</source>
        <translation>本文ハッシュ 1 回分の %1 倍の予算を使い切った</translation>
    </message>
    <message>
        <source>The body was hashed once and a copy of the running digest finished at %1 of %2 line boundaries; the search stopped at the match (no other prefix can have the same hash).</source>
        <translation>本文を 1 回だけハッシュし、%2 個の行境界のうち %1 個で途中のダイジェストのコピーを確定させました。一致した時点で探索を終えました（ほかの先頭部分が同じハッシュになることはありません）。</translation>
    </message>
    <message>
        <source>%1 of %2 line boundaries were examined: finishing the digest at all of them would cost more than %4x one body hash (%3 compression blocks).</source>
        <translation>%2 個の行境界のうち %1 個を調べました: すべての境界でダイジェストを確定させると本文ハッシュ 1 回分の %4 倍（圧縮ブロック %3 個）を超えるためです。</translation>
    </message>
    <message>
        <source>Every boundary from the end of line %1 on was examined (lists append footers at the end), then %2 where a signed body most likely ended, from the end back: before a signature separator (&quot;-- &quot;) or a &quot;__&quot; rule and after a MIME closing delimiter, then before empty lines, then before other &quot;--&quot; lines (MIME boundaries).</source>
        <translation>%1 行目の終わり以降の境界はすべて調べ（メーリングリストはフッターを末尾に追加します）、次に署名された本文が終わっている可能性の高い境界 %2 個を末尾から順に調べました: 署名の区切り（&quot;-- &quot;）や &quot;__&quot; の罫線の前と MIME の終了区切りの後、次に空行の前、次にそのほかの &quot;--&quot; の行（MIME 境界）の前です。</translation>
    </message>
    <message>
        <source>%1 boundaries where a signed body most likely ended were examined, from the end back: before a signature separator (&quot;-- &quot;) or a &quot;__&quot; rule and after a MIME closing delimiter, then before empty lines, then before other &quot;--&quot; lines (MIME boundaries).</source>
        <translation>署名された本文が終わっている可能性の高い境界 %1 個を末尾から順に調べました: 署名の区切り（&quot;-- &quot;）や &quot;__&quot; の罫線の前と MIME の終了区切りの後、次に空行の前、次にそのほかの &quot;--&quot; の行（MIME 境界）の前です。</translation>
    </message>
    <message>
        <source>The earliest lines were not looked at (looking at every line would cost more than the budget): each of their line ends is counted as a boundary, so the total is an upper bound.</source>
        <translation>先頭のほうの行は見ていません（すべての行を見ると予算を超えるため）。それらの行末はそれぞれ 1 個の境界として数えたので、総数は上限値です。</translation>
    </message>
</context>
<context>
    <name>ms::dkim::TagList</name>
    <message>
        <source>empty tag-spec (&quot;;;&quot;): ignored</source>
        <translation>空のタグ指定（&quot;;;&quot;）: 無視</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not start with a tag name (a letter, then letters, digits or &apos;_&apos;)</source>
        <translation>&quot;%1&quot; がタグ名（英字で始まり、英字、数字または &apos;_&apos; が続くもの）で始まっていません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no &apos;=&apos; after the tag name</source>
        <translation>&quot;%1&quot; のタグ名の後に &apos;=&apos; がありません</translation>
    </message>
    <message>
        <source>tag &quot;%1&quot;: character 0x%2 is not allowed in a tag value</source>
        <translation>タグ &quot;%1&quot;: 文字 0x%2 はタグの値に使えません</translation>
    </message>
    <message>
        <source>tag &quot;%1&quot; occurs more than once: the whole tag-list is invalid</source>
        <translation>タグ &quot;%1&quot; が複数回あります: タグリスト全体が無効です</translation>
    </message>
</context>
<context>
    <name>ms::dkim::Verifying</name>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>The DKIM-Signature value is a tag=value list.</source>
        <translation>DKIM-Signature の値は tag=value のリストです。</translation>
    </message>
    <message>
        <source>Signature #%1: d=%2 s=%3</source>
        <translation>署名 #%1: d=%2 s=%3</translation>
    </message>
    <message>
        <source>The signature&apos;s tag-list is malformed: %1</source>
        <translation>署名のタグリストが不正です: %1</translation>
    </message>
    <message>
        <source>Tag &quot;%1&quot; occurs twice, so the whole signature is invalid (RFC 6376 3.2).</source>
        <translation>タグ &quot;%1&quot; が 2 回あるため、署名全体が無効です（RFC 6376 3.2）。</translation>
    </message>
    <message>
        <source>Required tag %1= is missing</source>
        <translation>必須タグ %1= がありません</translation>
    </message>
    <message>
        <source>v=%1: only version 1 exists</source>
        <translation>v=%1: 存在するのはバージョン 1 だけです</translation>
    </message>
    <message>
        <source>a=%1: unknown signing algorithm (rsa-sha256 and ed25519-sha256 exist)</source>
        <translation>a=%1: 不明な署名アルゴリズム（rsa-sha256 と ed25519-sha256 があります）</translation>
    </message>
    <message>
        <source>c=%1: unknown canonicalization</source>
        <translation>c=%1: 不明な正規化方式</translation>
    </message>
    <message>
        <source>q=%1: no query method Mailscope knows (dns/txt)</source>
        <translation>q=%1: Mailscope が知っている問い合わせ方式（dns/txt）がありません</translation>
    </message>
    <message>
        <source>d=%1 is not a domain name</source>
        <translation>d=%1 はドメイン名ではありません</translation>
    </message>
    <message>
        <source>i=%1 is not within d=%2: the identity must be the signing domain or a subdomain of it</source>
        <translation>i=%1 は d=%2 の範囲外です: 識別子は署名ドメインかそのサブドメインでなければなりません</translation>
    </message>
    <message>
        <source>h= has an empty header field name</source>
        <translation>h= に空のヘッダーフィールド名があります</translation>
    </message>
    <message>
        <source>h= does not include From, which every signature must sign</source>
        <translation>h= に From がありません。すべての署名は From を署名しなければなりません</translation>
    </message>
    <message>
        <source>l=%1 is not a decimal number</source>
        <translation>l=%1 は 10 進数ではありません</translation>
    </message>
    <message>
        <source>%1=%2 is not a timestamp (seconds since 1970)</source>
        <translation>%1=%2 はタイムスタンプ（1970 年からの秒数）ではありません</translation>
    </message>
    <message>
        <source>x= is earlier than t=: the signature expired before it was made</source>
        <translation>x= が t= より前です: 署名は作成前に期限切れになっています</translation>
    </message>
    <message>
        <source>bh= is not base64: %1</source>
        <translation>bh= が base64 ではありません: %1</translation>
    </message>
    <message>
        <source>b= is not base64: %1</source>
        <translation>b= が base64 ではありません: %1</translation>
    </message>
    <message>
        <source>b= is empty</source>
        <translation>b= が空です</translation>
    </message>
    <message>
        <source>canonicalization</source>
        <translation>正規化</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>識別子</translation>
    </message>
    <message>
        <source>rsa-sha1 is no longer allowed</source>
        <translation>rsa-sha1 はもう許可されていません</translation>
    </message>
    <message>
        <source>RFC 8301 forbids verifiers from accepting rsa-sha1 signatures: SHA-1 is broken. The checks below still run to show what else holds.</source>
        <translation>RFC 8301 は検証者が rsa-sha1 署名を受け入れることを禁じています（SHA-1 は破られています）。それ以外に何が成り立つかを示すため、以下の検査は実行します。</translation>
    </message>
    <message>
        <source>Signature time</source>
        <translation>署名の時刻</translation>
    </message>
    <message>
        <source>evaluated at</source>
        <translation>評価時刻</translation>
    </message>
    <message>
        <source>The signature expired at %1 (x=), before the evaluation time %2.</source>
        <translation>署名は評価時刻 %2 より前の %1（x=）に期限切れになりました。</translation>
    </message>
    <message>
        <source>The signature claims to be made at %1 (t=), after the evaluation time %2.</source>
        <translation>署名は評価時刻 %2 より後の %1（t=）に作成されたと主張しています。</translation>
    </message>
    <message>
        <source>Within its validity at the evaluation time.</source>
        <translation>評価時刻において有効期間内です。</translation>
    </message>
    <message>
        <source>Body not available</source>
        <translation>本文なし</translation>
    </message>
    <message>
        <source>Only the header was given, so the body hash (bh=) cannot be checked. The signature over the header fields is still checked below.</source>
        <translation>ヘッダーしか与えられていないため、本文ハッシュ（bh=）は検査できません。ヘッダーフィールドに対する署名は以下で検査します。</translation>
    </message>
    <message>
        <source>The body is not available (header-only input): the body hash could not be checked.</source>
        <translation>本文がありません（ヘッダーのみの入力）: 本文ハッシュを検査できませんでした。</translation>
    </message>
    <message>
        <source>DKIM #%1 canonical body (%2)</source>
        <translation>DKIM #%1 正規化本文（%2）</translation>
    </message>
    <message>
        <source>Body hash matches bh=</source>
        <translation>本文ハッシュが bh= と一致</translation>
    </message>
    <message>
        <source>Body hash does not match bh=</source>
        <translation>本文ハッシュが bh= と一致しない</translation>
    </message>
    <message>
        <source>computed bh</source>
        <translation>計算した bh</translation>
    </message>
    <message>
        <source>expected bh</source>
        <translation>期待される bh</translation>
    </message>
    <message>
        <source>canonical bytes</source>
        <translation>正規化後のバイト</translation>
    </message>
    <message>
        <source>The body is canonicalized (%1) and hashed with %2; the result must equal bh=.</source>
        <translation>本文を正規化（%1）して %2 でハッシュします。結果は bh= と等しくなければなりません。</translation>
    </message>
    <message>
        <source>%1 empty lines at the end ignored</source>
        <translation>末尾の空行 %1 行を無視</translation>
    </message>
    <message>
        <source>Canonicalization ignores empty lines at the end of the body.</source>
        <translation>正規化では本文末尾の空行を無視します。</translation>
    </message>
    <message>
        <source>The body is shorter than l=%1</source>
        <translation>本文が l=%1 より短い</translation>
    </message>
    <message>
        <source>l= says %1 bytes were signed, but the canonical body has only %2: content was removed.</source>
        <translation>l= では %1 バイトが署名されたことになっていますが、正規化した本文は %2 バイトしかありません。内容が削除されています。</translation>
    </message>
    <message>
        <source>%1 bytes (%2 lines) after l= are not signed</source>
        <translation>l= より後の %1 バイト（%2 行）は署名されていません</translation>
    </message>
    <message>
        <source>The unsigned remainder contains a new MIME part: anybody could have added it, and the reader sees it as part of the signed message.</source>
        <translation>署名されていない残りの部分に新しい MIME パートが含まれています。誰でも追加できたもので、読み手には署名されたメッセージの一部に見えます。</translation>
    </message>
    <message>
        <source>The unsigned remainder has visible content the reader cannot tell apart from the signed part.</source>
        <translation>署名されていない残りの部分に表示される内容があり、読み手には署名された部分と区別できません。</translation>
    </message>
    <message>
        <source>The unsigned remainder is only whitespace.</source>
        <translation>署名されていない残りは空白だけです。</translation>
    </message>
    <message>
        <source>unsigned bytes</source>
        <translation>署名されていないバイト</translation>
    </message>
    <message>
        <source>unsigned lines</source>
        <translation>署名されていない行</translation>
    </message>
    <message>
        <source>The body was changed after signing: its hash no longer matches bh=.</source>
        <translation>本文は署名後に変更されました: ハッシュがもう bh= と一致しません。</translation>
    </message>
    <message>
        <source>DKIM #%1 canonical header (%2)</source>
        <translation>DKIM #%1 正規化ヘッダー（%2）</translation>
    </message>
    <message>
        <source>Signed header fields (%1 in h=)</source>
        <translation>署名されたヘッダーフィールド（h= に %1 個）</translation>
    </message>
    <message>
        <source>Each name in h= takes the lowest instance of that field not taken yet (bottom-up); the fields are canonicalized (%1) and followed by the signature field itself with b= emptied.</source>
        <translation>h= の各名前は、そのフィールドのうちまだ使われていない最も下のインスタンスを取ります（下から上へ）。フィールドは正規化され（%1）、その後に b= を空にした署名フィールド自体が続きます。</translation>
    </message>
    <message>
        <source>%1 → %2 (instance %3 of %4, from the top)</source>
        <translation>%1 → %2（上から %4 個中 %3 個目）</translation>
    </message>
    <message>
        <source>%1 (#%2 in h=) → no instance left: signs its absence</source>
        <translation>%1（h= の #%2）→ 残りなし: 存在しないことを署名</translation>
    </message>
    <message>
        <source>Listing a name more often than it occurs (over-signing) means adding such a field later breaks the signature.</source>
        <translation>名前を実際の出現回数より多く列挙する（過剰署名）と、後からそのフィールドを追加した場合に署名が壊れます。</translation>
    </message>
    <message>
        <source>The DKIM-Signature field itself, b= emptied, no final CRLF</source>
        <translation>DKIM-Signature フィールド自体（b= を空にし、最後の CRLF なし）</translation>
    </message>
    <message>
        <source>These header fields are not covered by this signature: they can be changed or added without breaking it.</source>
        <translation>これらのヘッダーフィールドはこの署名の対象外です: 署名を壊さずに変更や追加ができます。</translation>
    </message>
    <message>
        <source>Another %1 field that is not signed: mail programs may show this one instead of the signed one.</source>
        <translation>署名されていない別の %1 フィールドがあります。メールソフトは署名されたものではなく、こちらを表示するかもしれません。</translation>
    </message>
    <message>
        <source>%1 header fields not covered</source>
        <translation>対象外のヘッダーフィールド %1 個</translation>
    </message>
    <message>
        <source>Public key %1</source>
        <translation>公開鍵 %1</translation>
    </message>
    <message>
        <source>No key: %1 does not exist (NXDOMAIN). The selector may have been removed, or s=/d= were changed.</source>
        <translation>鍵なし: %1 は存在しません（NXDOMAIN）。セレクターが削除されたか、s=/d= が変更された可能性があります。</translation>
    </message>
    <message>
        <source>No key: %1 exists but has no TXT record.</source>
        <translation>鍵なし: %1 は存在しますが TXT レコードがありません。</translation>
    </message>
    <message>
        <source>The key could not be fetched (%1): a temporary failure, try again later.</source>
        <translation>鍵を取得できませんでした（%1）: 一時的な障害です。後でもう一度試してください。</translation>
    </message>
    <message>
        <source>DKIM #%1 key record %2</source>
        <translation>DKIM #%1 鍵レコード %2</translation>
    </message>
    <message>
        <source>Key record: %1 key, %2 bits</source>
        <translation>鍵レコード: %1 鍵、%2 ビット</translation>
    </message>
    <message>
        <source>Key record unusable: %1</source>
        <translation>鍵レコードが使用できません: %1</translation>
    </message>
    <message>
        <source>key form</source>
        <translation>鍵の形式</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>%1 TXT records at the selector</source>
        <translation>セレクターに %1 件の TXT レコード</translation>
    </message>
    <message>
        <source>The outcome is undefined when a selector has several records; the first usable one is used.</source>
        <translation>1 つのセレクターに複数のレコードがある場合の結果は未定義です。最初に使用可能なものを使います。</translation>
    </message>
    <message>
        <source>The key is %1 but the signature says a=%2</source>
        <translation>鍵は %1 ですが署名は a=%2 です</translation>
    </message>
    <message>
        <source>The key&apos;s h= does not allow %1</source>
        <translation>鍵の h= は %1 を許可していません</translation>
    </message>
    <message>
        <source>The key&apos;s s= does not allow e-mail</source>
        <translation>鍵の s= は電子メールを許可していません</translation>
    </message>
    <message>
        <source>The key has t=s: i= must use exactly d=, not a subdomain</source>
        <translation>鍵に t=s があります: i= はサブドメインではなく d= そのものでなければなりません</translation>
    </message>
    <message>
        <source>The RSA key has only %1 bits: RFC 8301 forbids accepting keys under 1024 bits.</source>
        <translation>RSA 鍵は %1 ビットしかありません。RFC 8301 は 1024 ビット未満の鍵を受け入れることを禁じています。</translation>
    </message>
    <message>
        <source>The RSA key has %1 bits: RFC 8301 asks signers for at least 2048</source>
        <translation>RSA 鍵は %1 ビットです。RFC 8301 は署名者に 2048 ビット以上を求めています</translation>
    </message>
    <message>
        <source>Accepted, but weak: keys of 1024 bits can be factored by a well-funded attacker.</source>
        <translation>受け入れますが、脆弱です。1024 ビットの鍵は資金力のある攻撃者なら素因数分解できます。</translation>
    </message>
    <message>
        <source>The domain is testing DKIM (t=y)</source>
        <translation>ドメインは DKIM をテスト中です（t=y）</translation>
    </message>
    <message>
        <source>Receivers must not treat mail differently because this signature fails: the domain says it is only testing.</source>
        <translation>この署名が失敗したことを理由に、受信者はメールを別扱いしてはなりません。ドメインはテスト中だと言っています。</translation>
    </message>
    <message>
        <source>The key is published at &lt;selector&gt;._domainkey.&lt;d=&gt;.</source>
        <translation>鍵は &lt;セレクター&gt;._domainkey.&lt;d=&gt; に公開されています。</translation>
    </message>
    <message>
        <source>The signature (b=) verifies over the header hash</source>
        <translation>署名（b=）はヘッダーハッシュに対して検証されました</translation>
    </message>
    <message>
        <source>The signature (b=) does not verify</source>
        <translation>署名（b=）が検証されません</translation>
    </message>
    <message>
        <source>Ed25519 over the SHA-256 hash of the canonical header block.</source>
        <translation>正規化ヘッダーブロックの SHA-256 ハッシュに対する Ed25519。</translation>
    </message>
    <message>
        <source>RSA PKCS#1 v1.5 over the %1 hash of the canonical header block.</source>
        <translation>正規化ヘッダーブロックの %1 ハッシュに対する RSA PKCS#1 v1.5。</translation>
    </message>
    <message>
        <source>header hash</source>
        <translation>ヘッダーハッシュ</translation>
    </message>
    <message>
        <source>The signature over the header fields does not verify.</source>
        <translation>ヘッダーフィールドに対する署名が検証されません。</translation>
    </message>
    <message>
        <source>The signature verifies but uses rsa-sha1, which RFC 8301 forbids accepting.</source>
        <translation>署名は検証されますが、RFC 8301 が受け入れを禁じている rsa-sha1 を使っています。</translation>
    </message>
    <message>
        <source>The header signature verifies; the body was not available, so it is not known whether it changed.</source>
        <translation>ヘッダーの署名は検証されました。本文がないため、本文が変わったかどうかはわかりません。</translation>
    </message>
    <message>
        <source>Body hash and signature verify: %1 vouches for this message.</source>
        <translation>本文ハッシュと署名が検証されました: %1 がこのメッセージを保証しています。</translation>
    </message>
    <message>
        <source>%1 Also in the header: %2</source>
        <translation>%1 ヘッダーにも: %2</translation>
    </message>
    <message>
        <source>%1 further uncovered header fields not listed</source>
        <translation>ほかに %1 個の署名対象外のヘッダーフィールド（一覧にはありません）</translation>
    </message>
</context>
<context>
    <name>ms::dmarc</name>
    <message>
        <source>A comment in the address is not closed.</source>
        <translation>アドレス内のコメントが閉じられていません。</translation>
    </message>
    <message>
        <source>A quoted string in the address is not closed.</source>
        <translation>アドレス内の引用文字列が閉じられていません。</translation>
    </message>
    <message>
        <source>A stray &apos;%1&apos; in the address was ignored.</source>
        <translation>アドレス内の余分な &apos;%1&apos; を無視しました。</translation>
    </message>
    <message>
        <source>Author domain (RFC5322.From)</source>
        <translation>作成者ドメイン（RFC5322.From）</translation>
    </message>
    <message>
        <source>No From field: there is no author domain</source>
        <translation>From フィールドなし: 作成者ドメインがありません</translation>
    </message>
    <message>
        <source>RFC 5322 3.6 requires exactly one From field. Without it there is no author domain, so DMARC cannot be evaluated (RFC 9989 5.3.1).</source>
        <translation>RFC 5322 3.6 は From フィールドがちょうど 1 つであることを求めています。From がなければ作成者ドメインがないため、DMARC を評価できません（RFC 9989 5.3.1）。</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>From: %1</translation>
    </message>
    <message>
        <source>(no address)</source>
        <translation>（アドレスなし）</translation>
    </message>
    <message>
        <source>display name</source>
        <translation>表示名</translation>
    </message>
    <message>
        <source>group</source>
        <translation>グループ</translation>
    </message>
    <message>
        <source>domain</source>
        <translation>ドメイン</translation>
    </message>
    <message>
        <source>%1 From fields: no single author domain</source>
        <translation>From フィールドが %1 個: 作成者ドメインが一つに決まりません</translation>
    </message>
    <message>
        <source>RFC 5322 3.6 allows exactly one From field. RFC 7489 6.6.1 notes that such messages are typically rejected, and RFC 9989 5.3.1 stops DMARC when it cannot extract exactly one author domain.</source>
        <translation>RFC 5322 3.6 が認める From フィールドはちょうど 1 つです。RFC 7489 6.6.1 はそのようなメッセージは通常拒否されると述べており、RFC 9989 5.3.1 では作成者ドメインをちょうど 1 つ取り出せない場合に DMARC を中止します。</translation>
    </message>
    <message>
        <source>The From field holds no address</source>
        <translation>From フィールドにアドレスがありません</translation>
    </message>
    <message>
        <source>No mailbox could be read from the From field (an empty group such as &quot;undisclosed-recipients:;&quot; has none), so there is no author domain (RFC 9989 5.3.1).</source>
        <translation>From フィールドからメールボックスを読み取れませんでした（&quot;undisclosed-recipients:;&quot; のような空のグループにはメールボックスがありません）。そのため作成者ドメインがありません（RFC 9989 5.3.1）。</translation>
    </message>
    <message>
        <source>The author address &quot;%1&quot; has no domain name</source>
        <translation>作成者アドレス &quot;%1&quot; にドメイン名がありません</translation>
    </message>
    <message>
        <source>The address uses an address literal instead of a domain name, so there is no DNS domain to look up a DMARC policy for (RFC 9989 5.3.1).</source>
        <translation>このアドレスはドメイン名ではなくアドレスリテラルを使っているため、DMARC ポリシーを参照する DNS ドメインがありません（RFC 9989 5.3.1）。</translation>
    </message>
    <message>
        <source>The address has no &quot;@domain&quot;, so there is no author domain (RFC 9989 5.3.1).</source>
        <translation>このアドレスには &quot;@domain&quot; がないため、作成者ドメインがありません（RFC 9989 5.3.1）。</translation>
    </message>
    <message>
        <source>The author domain &quot;%1&quot; is not a valid domain name</source>
        <translation>作成者ドメイン &quot;%1&quot; は有効なドメイン名ではありません</translation>
    </message>
    <message>
        <source>It cannot be converted to a DNS name (RFC 5890 2.3), so no DMARC policy can be looked up.</source>
        <translation>DNS 名に変換できない（RFC 5890 2.3）ため、DMARC ポリシーを参照できません。</translation>
    </message>
    <message>
        <source>Several authors with different domains: %1</source>
        <translation>ドメインの異なる複数の作成者: %1</translation>
    </message>
    <message>
        <source>The From field names several mailboxes from different domains. RFC 9989 5.3.1: when more than one author domain is extracted DMARC validation is not possible (a receiver MAY evaluate each domain; Mailscope does not guess which one counts).</source>
        <translation>From フィールドに異なるドメインの複数のメールボックスが書かれています。RFC 9989 5.3.1: 作成者ドメインが複数取り出された場合、DMARC の検証はできません（受信者は各ドメインを評価してもよい（MAY）とされていますが、Mailscope はどれが有効かを推測しません）。</translation>
    </message>
    <message>
        <source>Author domain: %1</source>
        <translation>作成者ドメイン: %1</translation>
    </message>
    <message>
        <source>The From field names %1 mailboxes, all in the same domain, so there is exactly one author domain (RFC 9989 5.3.1).</source>
        <translation>From フィールドには %1 個のメールボックスが書かれていますが、すべて同じドメインなので、作成者ドメインはちょうど 1 つです（RFC 9989 5.3.1）。</translation>
    </message>
    <message>
        <source>The domain of the one address in the From field is the author domain DMARC evaluates (RFC 9989 3.2.2).</source>
        <translation>From フィールドのただ一つのアドレスのドメインが、DMARC が評価する作成者ドメインです（RFC 9989 3.2.2）。</translation>
    </message>
    <message>
        <source>The internationalized name %1 is looked up as %2 (RFC 9989 5.3.1).</source>
        <translation>国際化ドメイン名 %1 は %2 として参照します（RFC 9989 5.3.1）。</translation>
    </message>
    <message>
        <source>(Asked once in this evaluation; the same answer is shown wherever it is used.)</source>
        <translation>（この評価では一度だけ問い合わせ、使われる場所すべてで同じ応答を表示します。）</translation>
    </message>
    <message>
        <source>%1: the DNS gave no definite answer</source>
        <translation>%1: DNS から確定した応答がありません</translation>
    </message>
    <message>
        <source>A temporary DNS error leaves DMARC undetermined (RFC 9989 5.3.6): it can neither pass nor fail.</source>
        <translation>一時的な DNS エラーのため DMARC は未確定です（RFC 9989 5.3.6）: 成功も失敗もしません。</translation>
    </message>
    <message>
        <source>TXT record %1 is not a DMARC record: discarded</source>
        <translation>TXT レコード %1 は DMARC レコードではありません: 破棄</translation>
    </message>
    <message>
        <source>Only records starting with &quot;v=DMARC1&quot; count (RFC 9989 4.10 step 2).</source>
        <translation>&quot;v=DMARC1&quot; で始まるレコードだけが数えられます（RFC 9989 4.10 手順 2）。</translation>
    </message>
    <message>
        <source>record</source>
        <translation>レコード</translation>
    </message>
    <message>
        <source>DMARC record %1</source>
        <translation>DMARC レコード %1</translation>
    </message>
    <message>
        <source>%1: DMARC record found</source>
        <translation>%1: DMARC レコードあり</translation>
    </message>
    <message>
        <source>%1: %2 DMARC records, so none counts</source>
        <translation>%1: DMARC レコードが %2 件あるため、どれも数えません</translation>
    </message>
    <message>
        <source>RFC 9989 4.10 step 2: when several DMARC records are returned for one name, they are all discarded.</source>
        <translation>RFC 9989 4.10 ステップ 2: 1 つの名前に対して複数の DMARC レコードが返された場合、それらはすべて破棄されます。</translation>
    </message>
    <message>
        <source>RFC 7489 6.6.3: when several DMARC records remain, policy discovery terminates and DMARC is not applied.</source>
        <translation>RFC 7489 6.6.3: 複数の DMARC レコードが残った場合、ポリシーの探索は終了し、DMARC は適用されません。</translation>
    </message>
    <message>
        <source>%1: no such name, no DMARC record</source>
        <translation>%1: 名前が存在せず、DMARC レコードなし</translation>
    </message>
    <message>
        <source>%1: no DMARC record</source>
        <translation>%1: DMARC レコードなし</translation>
    </message>
    <message>
        <source>DNS Tree Walk from %1</source>
        <translation>%1 からの DNS ツリーウォーク</translation>
    </message>
    <message>
        <source>Ask for a DMARC record at the domain and then at each parent, at most 8 queries (a name of 8 or more labels is shortened to 7 after the first), stopping at a record with psd=y or psd=n.</source>
        <translation>まずドメインで、次に各親ドメインで DMARC レコードを問い合わせます。問い合わせは最大 8 回で（ラベルが 8 個以上の名前は最初の問い合わせの後 7 個に短縮されます）、psd=y または psd=n を持つレコードで止まります。</translation>
    </message>
    <message>
        <source>shortcut</source>
        <translation>近道</translation>
    </message>
    <message>
        <source>%1 has %2 labels: after the first query the walk jumps to 7 labels</source>
        <translation>%1 のラベルは %2 個: 最初の問い合わせの後、探索は 7 ラベルに飛びます</translation>
    </message>
    <message>
        <source>psd=%1 at %2: the walk stops here</source>
        <translation>%2 の psd=%1: ここで探索を終えます</translation>
    </message>
    <message>
        <source>queries</source>
        <translation>問い合わせ</translation>
    </message>
    <message>
        <source>The record at %1 says psd=n: %1 is the Organizational Domain (RFC 9989 4.10.2 rule 1).</source>
        <translation>%1 のレコードは psd=n です。%1 が組織ドメインです（RFC 9989 4.10.2 規則 1）。</translation>
    </message>
    <message>
        <source>The record at %1 says psd=y (a public suffix domain): the Organizational Domain is the name one label below it, %2 (RFC 9989 4.10.2 rule 2).</source>
        <translation>%1 のレコードは psd=y（パブリックサフィックスドメイン）です。組織ドメインはその 1 ラベル下の名前 %2 です（RFC 9989 4.10.2 規則 2）。</translation>
    </message>
    <message>
        <source>%1 is the name with the fewest labels that has a DMARC record: it is the Organizational Domain (RFC 9989 4.10.2 rule 3).</source>
        <translation>%1 は DMARC レコードを持つ、ラベル数の最も少ない名前です: これが組織ドメインです（RFC 9989 4.10.2 規則 3）。</translation>
    </message>
    <message>
        <source>No DMARC record was found on the way up, so %1 is its own Organizational Domain (RFC 9989 4.10.2).</source>
        <translation>上へたどる途中で DMARC レコードが見つからなかったため、%1 自身が組織ドメインです（RFC 9989 4.10.2）。</translation>
    </message>
    <message>
        <source>A DNS error stopped the walk; the Organizational Domain is undetermined.</source>
        <translation>DNS エラーにより探索が止まりました。組織ドメインは確定していません。</translation>
    </message>
    <message>
        <source>organizational domain</source>
        <translation>組織ドメイン</translation>
    </message>
    <message>
        <source>Organizational Domain: %1</source>
        <translation>組織ドメイン: %1</translation>
    </message>
    <message>
        <source>Policy discovery (RFC 9989 DNS Tree Walk)</source>
        <translation>ポリシーの探索（RFC 9989 DNS ツリーウォーク）</translation>
    </message>
    <message>
        <source>The author domain %1 publishes its own DMARC record.</source>
        <translation>作成者ドメイン %1 は独自の DMARC レコードを公開しています。</translation>
    </message>
    <message>
        <source>A DNS error stopped the tree walk before a policy was found.</source>
        <translation>ポリシーが見つかる前に DNS エラーでツリーウォークが止まりました。</translation>
    </message>
    <message>
        <source>No record at %1; the record of its Organizational Domain %2 applies.</source>
        <translation>%1 にレコードがありません。組織ドメイン %2 のレコードが適用されます。</translation>
    </message>
    <message>
        <source>Neither %1 nor its Organizational Domain %2 has a record; the record of the public suffix domain %3 (psd=y) applies.</source>
        <translation>%1 にもその組織ドメイン %2 にもレコードがありません。パブリックサフィックスドメイン %3（psd=y）のレコードが適用されます。</translation>
    </message>
    <message>
        <source>No DMARC record applies to %1: DMARC does not apply to this message (RFC 9989 4.10.1).</source>
        <translation>%1 に適用される DMARC レコードがありません。このメッセージに DMARC は適用されません（RFC 9989 4.10.1）。</translation>
    </message>
    <message>
        <source>Policy discovery (RFC 7489, Public Suffix List)</source>
        <translation>ポリシーの探索（RFC 7489、Public Suffix List）</translation>
    </message>
    <message>
        <source>Organizational Domain of %1: %2</source>
        <translation>%1 の組織ドメイン: %2</translation>
    </message>
    <message>
        <source>The registrable domain by the Public Suffix List (%1).</source>
        <translation>Public Suffix List による登録可能ドメイン（%1）。</translation>
    </message>
    <message>
        <source>A DNS error at %1 leaves the policy undetermined.</source>
        <translation>%1 での DNS エラーのため、ポリシーが決まりません。</translation>
    </message>
    <message>
        <source>Several DMARC records at %1: discovery terminates (RFC 7489 6.6.3).</source>
        <translation>%1 に複数の DMARC レコードがあります。探索は終了します（RFC 7489 6.6.3）。</translation>
    </message>
    <message>
        <source>No DMARC record at %1 or its Organizational Domain %2: DMARC does not apply (RFC 7489 6.6.3).</source>
        <translation>%1 にもその組織ドメイン %2 にも DMARC レコードがありません。DMARC は適用されません（RFC 7489 6.6.3）。</translation>
    </message>
    <message>
        <source>policy domain</source>
        <translation>ポリシードメイン</translation>
    </message>
    <message>
        <source>The record&apos;s p, sp or np tag is not valid and it has no valid rua URI, so no DMARC processing applies (RFC 9989 4.10.1).</source>
        <translation>レコードの p、sp、np タグが不正で、有効な rua URI もないため、DMARC の処理は適用されません（RFC 9989 4.10.1）。</translation>
    </message>
    <message>
        <source>The record has no valid p tag (or an invalid sp) and no valid rua URI, so no DMARC processing applies (RFC 7489 6.6.3).</source>
        <translation>レコードに有効な p タグがなく（または sp が不正で）、有効な rua URI もないため、DMARC の処理は適用されません（RFC 7489 6.6.3）。</translation>
    </message>
    <message>
        <source>The record&apos;s policy tags are missing or invalid, but it names a valid rua URI, so it is used as if it said p=none (%1).</source>
        <translation>レコードのポリシータグが欠落または不正ですが、有効な rua URI が指定されているため、p=none と書かれているものとして使用します（%1）。</translation>
    </message>
    <message>
        <source>The record was published for the author domain itself, so p applies.</source>
        <translation>レコードは作成者ドメイン自身に公開されているため、p が適用されます。</translation>
    </message>
    <message>
        <source>The record has no p tag; RFC 9989 4.7 treats it as p=none.</source>
        <translation>レコードに p タグがありません。RFC 9989 4.7 では p=none として扱います。</translation>
    </message>
    <message>
        <source>The author domain does not exist (NXDOMAIN) and the record has np, so np applies (RFC 9989 4.10.1).</source>
        <translation>作成者ドメインが存在せず（NXDOMAIN）、レコードに np があるため、np が適用されます（RFC 9989 4.10.1）。</translation>
    </message>
    <message>
        <source>The author domain is a subdomain of the policy domain, so sp applies.</source>
        <translation>作成者ドメインはポリシードメインのサブドメインなので、sp が適用されます。</translation>
    </message>
    <message>
        <source>The author domain does not exist; the record has no np, so sp applies.</source>
        <translation>作成者ドメインが存在しません。レコードに np がないため、sp が適用されます。</translation>
    </message>
    <message>
        <source>The author domain is a subdomain of the policy domain and the record has no %1, so p applies to subdomains too.</source>
        <translation>作成者ドメインはポリシードメインのサブドメインで、レコードに %1 がないため、p がサブドメインにも適用されます。</translation>
    </message>
    <message>
        <source>temperror: the DMARC policy could not be looked up</source>
        <translation>temperror: DMARC ポリシーを参照できませんでした</translation>
    </message>
    <message>
        <source>none: several DMARC records, so none applies</source>
        <translation>none: DMARC レコードが複数あるため、どれも適用されません</translation>
    </message>
    <message>
        <source>none: no DMARC policy for %1</source>
        <translation>none: %1 の DMARC ポリシーなし</translation>
    </message>
    <message>
        <source>temperror: could not tell whether %1 exists</source>
        <translation>temperror: %1 が存在するか判断できませんでした</translation>
    </message>
    <message>
        <source>Whether %1 exists is unknown (DNS error)</source>
        <translation>%1 が存在するかは不明です（DNS エラー）</translation>
    </message>
    <message>
        <source>%1 exists</source>
        <translation>%1 は存在します</translation>
    </message>
    <message>
        <source>%1 does not exist (NXDOMAIN)</source>
        <translation>%1 は存在しません（NXDOMAIN）</translation>
    </message>
    <message>
        <source>A non-existent domain is one whose query returns NXDOMAIN (RFC 8020); np applies only to those.</source>
        <translation>存在しないドメインとは、問い合わせが NXDOMAIN を返すドメインです（RFC 8020）。np はそれらにのみ適用されます。</translation>
    </message>
    <message>
        <source>none: the DMARC record of %1 is not usable</source>
        <translation>none: %1 の DMARC レコードは使用できません</translation>
    </message>
    <message>
        <source>The record is ignored</source>
        <translation>レコードは無視されます</translation>
    </message>
    <message>
        <source>Policy: %1=%2 (from %3)</source>
        <translation>ポリシー: %1=%2（%3 から）</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>ポリシー</translation>
    </message>
    <message>
        <source>Identifier alignment with %1</source>
        <translation>%1 との識別子アラインメント</translation>
    </message>
    <message>
        <source>adkim</source>
        <translation>adkim</translation>
    </message>
    <message>
        <source>aspf</source>
        <translation>aspf</translation>
    </message>
    <message>
        <source>SPF was not evaluated, so it cannot make DMARC pass.</source>
        <translation>SPF は評価されていないので、DMARC を成功させることはできません。</translation>
    </message>
    <message>
        <source>SPF: not evaluated</source>
        <translation>SPF: 未評価</translation>
    </message>
    <message>
        <source>The message has no DKIM signature.</source>
        <translation>メッセージに DKIM 署名がありません。</translation>
    </message>
    <message>
        <source>DKIM was not evaluated.</source>
        <translation>DKIM は評価されていません。</translation>
    </message>
    <message>
        <source>DKIM: no signature</source>
        <translation>DKIM: 署名なし</translation>
    </message>
    <message>
        <source>pass: aligned %1</source>
        <translation>pass: アラインした %1</translation>
    </message>
    <message>
        <source>At least one authenticated identifier passes and aligns with the author domain.</source>
        <translation>少なくとも一つの認証済み識別子が成功し、作成者ドメインとアラインしています。</translation>
    </message>
    <message>
        <source>temperror: alignment could not be decided (DNS error)</source>
        <translation>temperror: アラインメントを判定できませんでした（DNS エラー）</translation>
    </message>
    <message>
        <source>A DNS error during the tree walk for alignment leaves the result undetermined (RFC 9989 5.3.6).</source>
        <translation>アラインメントのためのツリー探索中に DNS エラーが起きたため、結果は確定しません（RFC 9989 5.3.6）。</translation>
    </message>
    <message>
        <source>fail: no aligned SPF or DKIM pass (%1=%2)</source>
        <translation>fail: アラインした SPF または DKIM の成功がありません（%1=%2）</translation>
    </message>
    <message>
        <source>No authenticated identifier both passes and aligns with the author domain.</source>
        <translation>成功し、かつ作成者ドメインとアラインしている認証済み識別子はありません。</translation>
    </message>
    <message>
        <source>strict</source>
        <translation>厳格</translation>
    </message>
    <message>
        <source>relaxed</source>
        <translation>緩和</translation>
    </message>
    <message>
        <source>not aligned: there is no domain to compare</source>
        <translation>アラインしていない: 比較するドメインがありません</translation>
    </message>
    <message>
        <source>aligned: identical to the author domain</source>
        <translation>アライン: 作成者ドメインと同一</translation>
    </message>
    <message>
        <source>not aligned: strict mode needs %1 to be identical to %2 (no fallback to the Organizational Domain)</source>
        <translation>アラインしていません: 厳格モードでは %1 が %2 と完全に一致する必要があります（組織ドメインへのフォールバックはありません）</translation>
    </message>
    <message>
        <source>not checked: it did not pass, so its alignment cannot matter</source>
        <translation>未検査: 成功していないので、アラインメントは関係ありません</translation>
    </message>
    <message>
        <source>unknown: a DNS error stopped the tree walk for %1</source>
        <translation>不明: DNS エラーで %1 のツリーウォークが止まりました</translation>
    </message>
    <message>
        <source>aligned (relaxed): same Organizational Domain %1</source>
        <translation>アライン（緩和）: 同じ組織ドメイン %1</translation>
    </message>
    <message>
        <source>not aligned: Organizational Domains differ (%1 has %2, %3 has %4)</source>
        <translation>アラインしていません: 組織ドメインが異なります（%1 は %2、%3 は %4）</translation>
    </message>
    <message>
        <source>but its result is %1, so it does not count</source>
        <translation>ただし結果が %1 なので数えません</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>identifier</source>
        <translation>識別子</translation>
    </message>
    <message>
        <source>result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>モード</translation>
    </message>
    <message>
        <source>aligned</source>
        <translation>アライン</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>author domain</source>
        <translation>作成者ドメイン</translation>
    </message>
    <message>
        <source>method</source>
        <translation>メソッド</translation>
    </message>
    <message>
        <source>t=y (test mode): the receiver applies one level below the published policy, %1 instead of %2 (RFC 9989 4.7).</source>
        <translation>t=y（テストモード）: 受信者は公開されたポリシーより 1 段階低いもの、つまり %2 ではなく %1 を適用します（RFC 9989 4.7）。</translation>
    </message>
    <message>
        <source>pct=%1 is an RFC 7489 tag; RFC 9989 has no sampling and ignores it (t=y replaced pct=0).</source>
        <translation>pct=%1 は RFC 7489 のタグです。RFC 9989 にはサンプリングがなく、このタグは無視されます（pct=0 は t=y に置き換えられました）。</translation>
    </message>
    <message>
        <source>pct=%1: the policy is applied to %1% of failing messages; the others get the next lower policy, %2 (RFC 7489 6.6.4). Whether this message was sampled is the receiver&apos;s random choice.</source>
        <translation>pct=%1: ポリシーは失敗したメッセージの %1% に適用され、それ以外には 1 段階低いポリシー %2 が適用されます（RFC 7489 6.6.4）。このメッセージが抽出対象になったかどうかは受信者の無作為な選択によります。</translation>
    </message>
    <message>
        <source>t= is an RFC 9989 tag; RFC 7489 ignores it.</source>
        <translation>t= は RFC 9989 のタグです。RFC 7489 では無視されます。</translation>
    </message>
    <message>
        <source>Disposition: %1</source>
        <translation>処置: %1</translation>
    </message>
    <message>
        <source>The message failed DMARC, so the %1=%2 policy applies.</source>
        <translation>メッセージは DMARC に失敗したので、%1=%2 のポリシーが適用されます。</translation>
    </message>
    <message>
        <source>Disposition: none</source>
        <translation>処置: なし</translation>
    </message>
    <message>
        <source>The message passed DMARC: deliver normally.</source>
        <translation>メッセージは DMARC に成功しました: 通常どおり配送します。</translation>
    </message>
    <message>
        <source>No DMARC policy is applied (result %1); any handling is the receiver&apos;s own choice.</source>
        <translation>DMARC ポリシーは適用されません（結果 %1）。どう扱うかは受信者自身の判断です。</translation>
    </message>
    <message>
        <source>%1 would answer differently: %2</source>
        <translation>%1 なら別の答えになります: %2</translation>
    </message>
    <message>
        <source>RFC 7489 (PSL)</source>
        <translation>RFC 7489（PSL）</translation>
    </message>
    <message>
        <source>RFC 9989 (tree walk)</source>
        <translation>RFC 9989（ツリーウォーク）</translation>
    </message>
    <message>
        <source>Organizational Domain %1 instead of %2</source>
        <translation>組織ドメインが %2 ではなく %1</translation>
    </message>
    <message>
        <source>policy from %1 instead of %2</source>
        <translation>ポリシーが %2 ではなく %1 から</translation>
    </message>
    <message>
        <source>nowhere</source>
        <translation>どこにもない</translation>
    </message>
    <message>
        <source>result %1 instead of %2</source>
        <translation>結果が %2 ではなく %1</translation>
    </message>
    <message>
        <source>No ARC override: the ARC chain did not pass (%1)</source>
        <translation>ARC による上書きなし: ARC チェーンが成功しませんでした（%1）</translation>
    </message>
    <message>
        <source>Only a passing chain from a trusted sealer can justify a local override (RFC 8617 7.2).</source>
        <translation>ローカルでの上書きを正当化できるのは、信頼された封印者による pass のチェーンだけです（RFC 8617 7.2）。</translation>
    </message>
    <message>
        <source>No ARC override: no sealer of the passing chain is trusted</source>
        <translation>ARC による上書きなし: 成功したチェーンの封印者はどれも信頼されていません</translation>
    </message>
    <message>
        <source>Sealers: %1. Trusted sealers (options): %2.</source>
        <translation>封印者: %1。信頼する封印者（オプション）: %2。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>sealer</source>
        <translation>封印者</translation>
    </message>
    <message>
        <source>instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>What %1 saw (ARC-Authentication-Results i=%2)</source>
        <translation>%1 が見た結果（ARC-Authentication-Results i=%2）</translation>
    </message>
    <message>
        <source>A receiver trusting %1 could override the DMARC failure</source>
        <translation>%1 を信頼する受信者なら DMARC の失敗を上書きできます</translation>
    </message>
    <message>
        <source>DMARC failed here, but the ARC chain passes and its hop %1 was sealed by the trusted %2, which recorded passing authentication before the message was changed. A receiver may deliver it as if DMARC had passed (a local policy override, RFC 7489 7.3 / RFC 8617 7.2). The DMARC result itself stays fail.</source>
        <translation>ここで DMARC は失敗しましたが、ARC チェーンは成功しており、そのホップ %1 は信頼された %2 によって封印されています。この封印者はメッセージが変更される前に認証の成功を記録していました。受信者は DMARC が成功したものとしてメッセージを配送してもかまいません（ローカルポリシーによる上書き、RFC 7489 7.3 / RFC 8617 7.2）。DMARC の結果自体は fail のままです。</translation>
    </message>
    <message>
        <source>No ARC override: the trusted hop %1 did not record a pass</source>
        <translation>ARC による上書きなし: 信頼するホップ %1 は成功を記録していません</translation>
    </message>
    <message>
        <source>Its ARC-Authentication-Results show no DMARC, SPF or DKIM pass, so there is nothing to restore.</source>
        <translation>その ARC-Authentication-Results には DMARC、SPF、DKIM のいずれの pass もないため、復元するものがありません。</translation>
    </message>
    <message>
        <source>Its ARC-Authentication-Results field i=%1 could not be found.</source>
        <translation>その ARC-Authentication-Results フィールド i=%1 が見つかりませんでした。</translation>
    </message>
    <message>
        <source>permerror: %1</source>
        <translation>permerror: %1</translation>
    </message>
    <message>
        <source>Version: identifies a DMARC record; must be the first tag and exactly &quot;DMARC1&quot;.</source>
        <translation>バージョン: DMARC レコードであることを示します。最初のタグで、値はちょうど &quot;DMARC1&quot; でなければなりません。</translation>
    </message>
    <message>
        <source>Domain Owner Assessment Policy for the domain itself: none, quarantine or reject.</source>
        <translation>ドメイン自身に対するドメイン所有者評価ポリシー: none、quarantine、reject のいずれか。</translation>
    </message>
    <message>
        <source>Policy for existing subdomains of the Organizational Domain.</source>
        <translation>組織ドメインの既存サブドメインに対するポリシー。</translation>
    </message>
    <message>
        <source>Policy for non-existent subdomains (NXDOMAIN) of the Organizational Domain.</source>
        <translation>組織ドメインの存在しないサブドメイン（NXDOMAIN）に対するポリシー。</translation>
    </message>
    <message>
        <source>DKIM alignment mode: r = relaxed (same Organizational Domain), s = strict (identical domain).</source>
        <translation>DKIM のアラインメントモード: r = 緩和（同じ組織ドメイン）、s = 厳格（同一のドメイン）。</translation>
    </message>
    <message>
        <source>SPF alignment mode: r = relaxed (same Organizational Domain), s = strict (identical domain).</source>
        <translation>SPF のアラインメントモード: r = 緩和（同じ組織ドメイン）、s = 厳格（同一のドメイン）。</translation>
    </message>
    <message>
        <source>Failure reporting options (only used with ruf).</source>
        <translation>失敗レポートのオプション（ruf と併用時のみ）。</translation>
    </message>
    <message>
        <source>Where aggregate reports go.</source>
        <translation>集計レポートの送り先。</translation>
    </message>
    <message>
        <source>Where failure reports go.</source>
        <translation>失敗レポートの送り先。</translation>
    </message>
    <message>
        <source>Test mode: t=y asks receivers to apply one policy level below the published one.</source>
        <translation>テストモード: t=y は、公開されたポリシーより 1 段階低いポリシーを適用するよう受信者に求めます。</translation>
    </message>
    <message>
        <source>Public Suffix Domain flag: y = a PSD, n = an Organizational Domain, u = unknown (the default).</source>
        <translation>パブリックサフィックスドメインのフラグ: y = PSD、n = 組織ドメイン、u = 不明（既定値）。</translation>
    </message>
    <message>
        <source>RFC 7489: the percentage of failing messages the policy applies to.</source>
        <translation>RFC 7489: ポリシーを適用する、失敗したメッセージの割合（パーセント）。</translation>
    </message>
    <message>
        <source>RFC 7489: the failure report format.</source>
        <translation>RFC 7489: 失敗レポートの形式。</translation>
    </message>
    <message>
        <source>RFC 7489: the requested aggregate report interval, in seconds.</source>
        <translation>RFC 7489: 要求する集約レポートの送信間隔（秒）。</translation>
    </message>
    <message>
        <source>Not a registered DMARC tag: ignored.</source>
        <translation>登録された DMARC タグではありません: 無視。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not &quot;tag=value&quot;: ignored (RFC 9989 4.8).</source>
        <translation>&quot;%1&quot; は &quot;tag=value&quot; ではありません: 無視（RFC 9989 4.8）。</translation>
    </message>
    <message>
        <source>The tag %1 appears more than once; only the first counts.</source>
        <translation>タグ %1 が複数回あります。最初のものだけが有効です。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tag name (letters only, RFC 9989 4.8): ignored.</source>
        <translation>&quot;%1&quot; はタグ名ではありません（英字のみ、RFC 9989 4.8）。無視します。</translation>
    </message>
    <message>
        <source>%1 is an RFC 7489 tag that RFC 9989 no longer has: ignored.</source>
        <translation>%1 は RFC 9989 にはもうない RFC 7489 のタグです: 無視。</translation>
    </message>
    <message>
        <source>%1 is an RFC 9989 tag that RFC 7489 does not have: ignored.</source>
        <translation>%1 は RFC 7489 にはない RFC 9989 のタグです: 無視。</translation>
    </message>
    <message>
        <source>Unknown tag %1: ignored (RFC 9989 4.7).</source>
        <translation>不明なタグ %1: 無視（RFC 9989 4.7）。</translation>
    </message>
    <message>
        <source>v= must be the first tag (RFC 9989 4.7).</source>
        <translation>v= は最初のタグでなければなりません（RFC 9989 4.7）。</translation>
    </message>
    <message>
        <source>The version must be exactly &quot;DMARC1&quot; (case-sensitive, RFC 9989 4.7).</source>
        <translation>バージョンはちょうど &quot;DMARC1&quot; でなければなりません（大文字と小文字を区別、RFC 9989 4.7）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not none, quarantine or reject.</source>
        <translation>&quot;%1&quot; は none、quarantine、reject のいずれでもありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not r or s: the default r (relaxed) applies.</source>
        <translation>&quot;%1&quot; は r でも s でもありません: 既定値 r（緩和）を適用します。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number from 0 to 100: the default 100 applies (RFC 7489 6.3).</source>
        <translation>&quot;%1&quot; は 0 から 100 までの整数ではありません。既定値 100 が適用されます（RFC 7489 6.3）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not y or n: the default n applies.</source>
        <translation>&quot;%1&quot; は y でも n でもありません: 既定値 n を適用します。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not y, n or u: the default u applies.</source>
        <translation>&quot;%1&quot; は y、n、u のいずれでもありません: 既定値 u を適用します。</translation>
    </message>
    <message>
        <source>Not valid URIs: %1</source>
        <translation>有効な URI ではありません: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a colon-separated list of 0, 1, d, s: the default 0 applies.</source>
        <translation>&quot;%1&quot; は 0、1、d、s をコロンで区切ったリストではありません。既定値 0 が適用されます。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number of seconds: the default 86400 applies.</source>
        <translation>&quot;%1&quot; は秒数ではありません: 既定値 86400 を適用します。</translation>
    </message>
    <message>
        <source>DMARC record of %1</source>
        <translation>%1 の DMARC レコード</translation>
    </message>
    <message>
        <source>value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>This TXT record does not start with &quot;v=DMARC1&quot;, so it is not a DMARC record and is discarded (RFC 9989 4.10 step 2).</source>
        <translation>この TXT レコードは &quot;v=DMARC1&quot; で始まっていないため、DMARC レコードではなく、破棄されます（RFC 9989 4.10 ステップ 2）。</translation>
    </message>
</context>
<context>
    <name>ms::dmarc::AddressParser</name>
    <message>
        <source>A &apos;&lt;&apos; has no matching &apos;&gt;&apos;.</source>
        <translation>&apos;&lt;&apos; に対応する &apos;&gt;&apos; がありません。</translation>
    </message>
    <message>
        <source>An obsolete source route (RFC 5322 4.4) was ignored.</source>
        <translation>廃止されたソースルート（RFC 5322 4.4）を無視しました。</translation>
    </message>
    <message>
        <source>An empty address &quot;&lt;&gt;&quot; was found.</source>
        <translation>空のアドレス &quot;&lt;&gt;&quot; がありました。</translation>
    </message>
    <message>
        <source>A &apos;;&apos; outside a group was ignored.</source>
        <translation>グループ外の &apos;;&apos; を無視しました。</translation>
    </message>
    <message>
        <source>A &apos;&gt;&apos; without its &apos;&lt;&apos; was ignored.</source>
        <translation>対応する &apos;&lt;&apos; のない &apos;&gt;&apos; を無視しました。</translation>
    </message>
    <message>
        <source>The group &quot;%1&quot; is not closed with &apos;;&apos;.</source>
        <translation>グループ &quot;%1&quot; が &apos;;&apos; で閉じられていません。</translation>
    </message>
    <message>
        <source>Text after an address &quot;%1&quot; was ignored.</source>
        <translation>アドレスの後のテキスト &quot;%1&quot; を無視しました。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address: it has no &quot;@domain&quot; (RFC 5322 3.4.1).</source>
        <translation>&quot;%1&quot; はアドレスではありません。&quot;@domain&quot; がありません（RFC 5322 3.4.1）。</translation>
    </message>
    <message>
        <source>The address &quot;%1@&quot; has an empty domain.</source>
        <translation>アドレス &quot;%1@&quot; のドメインが空です。</translation>
    </message>
    <message>
        <source>The domain of &quot;%1&quot; is quoted, which RFC 5322 3.4.1 does not allow.</source>
        <translation>&quot;%1&quot; のドメインが引用符で囲まれています。これは RFC 5322 3.4.1 で認められていません。</translation>
    </message>
</context>
<context>
    <name>ms::dmarc::Lookups</name>
    <message>
        <source>The verification was cancelled before this query.</source>
        <translation>この問い合わせの前に検証がキャンセルされました。</translation>
    </message>
</context>
<context>
    <name>ms::dns</name>
    <message>
        <source>%1 is not an IP address</source>
        <translation>%1 は IP アドレスではありません</translation>
    </message>
    <message>
        <source>cannot send to %1: %2</source>
        <translation>%1 に送信できません: %2</translation>
    </message>
    <message>
        <source>cancelled or out of time while waiting for %1</source>
        <translation>%1 を待つ間にキャンセルまたは時間切れ</translation>
    </message>
    <message>
        <source>%1: %2; no valid answer followed</source>
        <translation>%1: %2。有効な応答は続きませんでした</translation>
    </message>
    <message>
        <source>no answer from %1 within %2 ms</source>
        <translation>%2 ms 以内に %1 から応答がありません</translation>
    </message>
    <message>
        <source>%1 is unreachable: %2</source>
        <translation>%1 に到達できません: %2</translation>
    </message>
    <message>
        <source>the server closed the TCP connection before the whole answer</source>
        <translation>応答全体が届く前にサーバーが TCP 接続を閉じました</translation>
    </message>
    <message>
        <source>no TCP answer from %1 within %2 ms</source>
        <translation>%2 ms 以内に %1 から TCP の応答がありません</translation>
    </message>
    <message>
        <source>TCP connection to %1 failed: %2</source>
        <translation>%1 への TCP 接続に失敗しました: %2</translation>
    </message>
    <message>
        <source>TCP send to %1 failed: %2</source>
        <translation>%1 への TCP 送信に失敗しました: %2</translation>
    </message>
    <message>
        <source>%1 over TCP: %2</source>
        <translation>TCP 経由の %1: %2</translation>
    </message>
    <message>
        <source>an empty answer</source>
        <translation>空の応答</translation>
    </message>
    <message>
        <source>the name is longer than 253 bytes</source>
        <translation>名前が 253 バイトより長い</translation>
    </message>
    <message>
        <source>the name is not a valid internationalized domain name</source>
        <translation>名前が有効な国際化ドメイン名ではありません</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>名前が空です</translation>
    </message>
    <message>
        <source>the name contains a space or control character</source>
        <translation>名前に空白または制御文字があります</translation>
    </message>
    <message>
        <source>the name contains an empty label</source>
        <translation>名前に空のラベルがあります</translation>
    </message>
    <message>
        <source>a label of the name is longer than 63 bytes</source>
        <translation>名前のラベルが 63 バイトより長い</translation>
    </message>
    <message>
        <source>RDATA longer than 65535 bytes</source>
        <translation>RDATA が 65535 バイトより長い</translation>
    </message>
    <message>
        <source>invalid owner name %1</source>
        <translation>無効な所有者名 %1</translation>
    </message>
    <message>
        <source>RDATA does not parse as %1: %2</source>
        <translation>RDATA を %1 として解析できません: %2</translation>
    </message>
    <message>
        <source>no resolver configured</source>
        <translation>リゾルバーが設定されていません</translation>
    </message>
    <message>
        <source>DNS %1 %2</source>
        <translation>DNS %1 %2</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>応答</translation>
    </message>
    <message>
        <source>no record of this type (NODATA)</source>
        <translation>この型のレコードなし（NODATA）</translation>
    </message>
    <message>
        <source>the name does not exist (NXDOMAIN)</source>
        <translation>名前が存在しません（NXDOMAIN）</translation>
    </message>
    <message>
        <source>server failure (SERVFAIL)</source>
        <translation>サーバー障害（SERVFAIL）</translation>
    </message>
    <message>
        <source>the server refused to answer (REFUSED)</source>
        <translation>サーバーが応答を拒否しました（REFUSED）</translation>
    </message>
    <message>
        <source>the server could not read the query (FORMERR)</source>
        <translation>サーバーが問い合わせを読めませんでした（FORMERR）</translation>
    </message>
    <message>
        <source>no answer in time (timeout)</source>
        <translation>時間内に応答なし（タイムアウト）</translation>
    </message>
    <message>
        <source>truncated answer (TCP not possible)</source>
        <translation>切り詰められた応答（TCP 不可）</translation>
    </message>
    <message>
        <source>the server is unreachable</source>
        <translation>サーバーに到達できません</translation>
    </message>
    <message>
        <source>not asked (offline)</source>
        <translation>未問い合わせ（オフライン）</translation>
    </message>
    <message>
        <source>not asked (cancelled or out of time)</source>
        <translation>未問い合わせ（キャンセルまたは時間切れ）</translation>
    </message>
    <message>
        <source>malformed answer</source>
        <translation>不正な形式の応答</translation>
    </message>
    <message>
        <source>The DNS answered with the records below.</source>
        <translation>DNS は下のレコードで応答しました。</translation>
    </message>
    <message>
        <source>The name exists, but it has no %1 record. This is a definite answer, not an error.</source>
        <translation>名前は存在しますが、%1 レコードはありません。これはエラーではなく確定した応答です。</translation>
    </message>
    <message>
        <source>No such name exists in the DNS. This is a definite answer, not an error.</source>
        <translation>その名前は DNS に存在しません。これはエラーではなく確定した応答です。</translation>
    </message>
    <message>
        <source>The query was not sent, so there is no answer. Checks that needed it report a temporary error.</source>
        <translation>問い合わせを送っていないため応答はありません。これを必要とするチェックは一時エラーを報告します。</translation>
    </message>
    <message>
        <source>The DNS lookup failed. This is a temporary error (the answer might be different if asked again), not a statement about the record.</source>
        <translation>DNS 参照に失敗しました。これは一時的なエラーで（もう一度問い合わせると違う応答かもしれません）、レコードについての表明ではありません。</translation>
    </message>
    <message>
        <source>1 record</source>
        <translation>1 件のレコード</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 件のレコード</translation>
    </message>
    <message>
        <source>no %1 record (NODATA)</source>
        <translation>%1 レコードなし（NODATA）</translation>
    </message>
    <message>
        <source>The name is an alias (CNAME); the answer is for %1.</source>
        <translation>この名前は別名（CNAME）です。応答は %1 についてのものです。</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 を書き込めません: %2</translation>
    </message>
    <message>
        <source>not a DNS transcript (expected &quot;schema&quot;: &quot;%1&quot;)</source>
        <translation>DNS 記録ではありません（&quot;schema&quot;: &quot;%1&quot; が必要です）</translation>
    </message>
    <message>
        <source>the transcript has no &quot;answers&quot; array</source>
        <translation>記録に &quot;answers&quot; 配列がありません</translation>
    </message>
    <message>
        <source>the transcript has more than %1 answers</source>
        <translation>記録の応答が %1 個を超えています</translation>
    </message>
    <message>
        <source>answer %1</source>
        <translation>応答 %1</translation>
    </message>
    <message>
        <source>%1 is not an object</source>
        <translation>%1 はオブジェクトではありません</translation>
    </message>
    <message>
        <source>%1: invalid qname</source>
        <translation>%1: qname が不正です</translation>
    </message>
    <message>
        <source>%1: invalid qtypeCode</source>
        <translation>%1: qtypeCode が不正です</translation>
    </message>
    <message>
        <source>%1: unknown outcome</source>
        <translation>%1: 不明な結果です</translation>
    </message>
    <message>
        <source>%1: invalid rcode</source>
        <translation>%1: rcode が不正です</translation>
    </message>
    <message>
        <source>%1: more than %2 records</source>
        <translation>%1: レコードが %2 個を超えています</translation>
    </message>
    <message>
        <source>%1, record %2</source>
        <translation>%1、レコード %2</translation>
    </message>
    <message>
        <source>%1: invalid name: %2</source>
        <translation>%1: 名前が不正です: %2</translation>
    </message>
    <message>
        <source>%1: invalid type or TTL</source>
        <translation>%1: 型または TTL が不正です</translation>
    </message>
    <message>
        <source>%1: rdata is not base64</source>
        <translation>%1: rdata が base64 ではありません</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the transcript is larger than 64 MB</source>
        <translation>記録が 64 MB を超えています</translation>
    </message>
    <message>
        <source>not valid JSON at offset %1: %2</source>
        <translation>オフセット %1 で JSON として不正です: %2</translation>
    </message>
    <message>
        <source>the transcript is not a JSON object</source>
        <translation>記録が JSON オブジェクトではありません</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 を読めません: %2</translation>
    </message>
    <message>
        <source>%1 is larger than 64 MB</source>
        <translation>%1 は 64 MB を超えています</translation>
    </message>
</context>
<context>
    <name>ms::dns::BudgetResolver</name>
    <message>
        <source>the verification was cancelled; the query was not sent</source>
        <translation>検証がキャンセルされました。問い合わせは送信されていません</translation>
    </message>
    <message>
        <source>the time budget of %1 ms is used up; the query was not sent</source>
        <translation>制限時間 %1 ms を使い切りました。問い合わせは送信されていません</translation>
    </message>
    <message>
        <source>no resolver configured</source>
        <translation>リゾルバーが設定されていません</translation>
    </message>
    <message>
        <source>the time budget of %1 ms ran out during the query</source>
        <translation>問い合わせ中に制限時間 %1 ms を使い切りました</translation>
    </message>
</context>
<context>
    <name>ms::dns::CachingResolver</name>
    <message>
        <source>no resolver under the cache</source>
        <translation>キャッシュの下にリゾルバーがありません</translation>
    </message>
</context>
<context>
    <name>ms::dns::LiveResolver</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 を読めません: %2</translation>
    </message>
    <message>
        <source>%1 lists no usable nameserver</source>
        <translation>%1 には使えるネームサーバーがありません</translation>
    </message>
    <message>
        <source>live DNS %1</source>
        <translation>ライブ DNS %1</translation>
    </message>
    <message>
        <source>(no server)</source>
        <translation>（サーバーなし）</translation>
    </message>
    <message>
        <source>cannot build a query for %1</source>
        <translation>%1 の問い合わせを組み立てられません</translation>
    </message>
    <message>
        <source>not asked: the verification was cancelled or ran out of its time budget</source>
        <translation>問い合わせていません: 検証がキャンセルされたか、制限時間を使い切りました</translation>
    </message>
    <message>
        <source>the UDP answer from %1 was truncated and TCP fallback is off</source>
        <translation>%1 からの UDP 応答が切り詰められ、TCP への切り替えは無効です</translation>
    </message>
    <message>
        <source>the TCP answer was truncated too</source>
        <translation>TCP の応答も切り詰められていました</translation>
    </message>
    <message>
        <source>the UDP answer from %1 was truncated and TCP failed: %2</source>
        <translation>%1 からの UDP 応答が切り詰められ、TCP も失敗しました: %2</translation>
    </message>
    <message>
        <source>CNAME loop in the answer from %1: %2 points back to %3</source>
        <translation>%1 からの応答に CNAME のループ: %2 が %3 を指し返しています</translation>
    </message>
    <message>
        <source>CNAME chain longer than %1 links</source>
        <translation>CNAME の連鎖が %1 段を超えています</translation>
    </message>
    <message>
        <source>%1 answered SERVFAIL</source>
        <translation>%1 が SERVFAIL を返しました</translation>
    </message>
    <message>
        <source>%1 refused the query (REFUSED)</source>
        <translation>%1 が問い合わせを拒否しました（REFUSED）</translation>
    </message>
    <message>
        <source>%1 could not read the query (FORMERR)</source>
        <translation>%1 は問い合わせを読めませんでした（FORMERR）</translation>
    </message>
    <message>
        <source>%1 answered %2</source>
        <translation>%1 が %2 を返しました</translation>
    </message>
    <message>
        <source>%1 sent no usable answer</source>
        <translation>%1 から使用できる応答がありませんでした</translation>
    </message>
</context>
<context>
    <name>ms::dns::OfflineResolver</name>
    <message>
        <source>offline mode: no DNS query was sent</source>
        <translation>オフラインモード: DNS の問い合わせは送信されていません</translation>
    </message>
    <message>
        <source>offline (no DNS)</source>
        <translation>オフライン（DNS なし）</translation>
    </message>
</context>
<context>
    <name>ms::dns::OverlayResolver</name>
    <message>
        <source>%1 %2 removed (NODATA)</source>
        <translation>%1 %2 を削除（NODATA）</translation>
    </message>
    <message>
        <source>%1 %2 replaced (%3 record(s))</source>
        <translation>%1 %2 を置換（レコード %3 件）</translation>
    </message>
    <message>
        <source>%1 removed (NXDOMAIN)</source>
        <translation>%1 を削除（NXDOMAIN）</translation>
    </message>
    <message>
        <source>CNAME loop: %1 points back to %2</source>
        <translation>CNAME のループ: %1 が %2 を指し返しています</translation>
    </message>
    <message>
        <source>CNAME chain longer than %1 links</source>
        <translation>CNAME チェーンが %1 リンクを超えています</translation>
    </message>
    <message>
        <source>no base resolver under the overlay</source>
        <translation>オーバーレイの下に基底リゾルバーがありません</translation>
    </message>
    <message>
        <source>overlay over %1</source>
        <translation>%1 上のオーバーレイ</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>ms::dns::PendingAnswer</name>
    <message>
        <source>not asked: %1</source>
        <translation>未問い合わせ: %1</translation>
    </message>
</context>
<context>
    <name>ms::dns::ReplayResolver</name>
    <message>
        <source>not in the replayed DNS transcript (%1): %2 %3; no query was sent</source>
        <translation>再生中の DNS 記録（%1）にありません: %2 %3。問い合わせは送信されていません</translation>
    </message>
    <message>
        <source>replay of %1</source>
        <translation>%1 の再生</translation>
    </message>
</context>
<context>
    <name>ms::dns::ServerAddress</name>
    <message>
        <source>missing ] in %1</source>
        <translation>%1 に ] がありません</translation>
    </message>
    <message>
        <source>unexpected text after ] in %1</source>
        <translation>%1 の ] の後に想定外のテキスト</translation>
    </message>
    <message>
        <source>invalid port %1</source>
        <translation>無効なポート %1</translation>
    </message>
    <message>
        <source>%1 is not an IPv4 or IPv6 address</source>
        <translation>%1 は IPv4 アドレスでも IPv6 アドレスでもありません</translation>
    </message>
</context>
<context>
    <name>ms::dns::ZoneResolver</name>
    <message>
        <source>the zone text is larger than 64 MB</source>
        <translation>ゾーンテキストが 64 MB を超えています</translation>
    </message>
    <message>
        <source>NUL byte in the zone text</source>
        <translation>ゾーンテキストに NUL バイト</translation>
    </message>
    <message>
        <source>cannot read the zone text</source>
        <translation>ゾーンテキストを読めません</translation>
    </message>
    <message>
        <source>invalid origin %1</source>
        <translation>無効なオリジン %1</translation>
    </message>
    <message>
        <source>$INCLUDE is not supported (a zone may not read other files)</source>
        <translation>$INCLUDE には対応していません（ゾーンはほかのファイルを読めません）</translation>
    </message>
    <message>
        <source>only class IN is supported</source>
        <translation>クラス IN のみ対応しています</translation>
    </message>
    <message>
        <source>unknown record type</source>
        <translation>不明なレコード型</translation>
    </message>
    <message>
        <source>relative name without $ORIGIN</source>
        <translation>$ORIGIN のない相対名</translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation>開けません: %1</translation>
    </message>
    <message>
        <source>the zone file is larger than 64 MB</source>
        <translation>ゾーンファイルが 64 MB を超えています</translation>
    </message>
    <message>
        <source>CNAME loop: %1 points back to %2</source>
        <translation>CNAME のループ: %1 が %2 を指し返しています</translation>
    </message>
    <message>
        <source>CNAME chain longer than %1 links</source>
        <translation>CNAME の連鎖が %1 段を超えています</translation>
    </message>
    <message>
        <source>zone files %1</source>
        <translation>ゾーンファイル %1</translation>
    </message>
    <message>
        <source>too many errors; the rest of the text was not read</source>
        <translation>エラーが多すぎます。残りのテキストは読み込んでいません</translation>
    </message>
    <message>
        <source>type number out of range (RFC 3597 5: 0 to 65535)</source>
        <translation>タイプ番号が範囲外です（RFC 3597 5: 0〜65535）</translation>
    </message>
    <message>
        <source>a name longer than 255 octets (RFC 1035 2.3.4)</source>
        <translation>255 オクテットを超える名前です（RFC 1035 2.3.4）</translation>
    </message>
    <message>
        <source>%1 record left out (mail authentication does not use it)</source>
        <translation>%1 レコードは読み込みません（メール認証では使われません）</translation>
    </message>
</context>
<context>
    <name>ms::dns::detail</name>
    <message>
        <source>the answer is shorter than a DNS header (%1 bytes)</source>
        <translation>応答が DNS ヘッダーより短い（%1 バイト）</translation>
    </message>
    <message>
        <source>the answer has the wrong ID (%1 instead of %2)</source>
        <translation>応答の ID が違います（%2 ではなく %1）</translation>
    </message>
    <message>
        <source>the packet is not an answer (QR bit clear)</source>
        <translation>パケットが応答ではありません（QR ビットが 0）</translation>
    </message>
    <message>
        <source>the answer does not parse (%1)</source>
        <translation>応答を解析できません（%1）</translation>
    </message>
    <message>
        <source>the answer carries %1 questions instead of 1</source>
        <translation>応答の質問が 1 個ではなく %1 個です</translation>
    </message>
    <message>
        <source>the answer is for a different question (%1 %2 instead of %3 %4)</source>
        <translation>応答が別の問い合わせに対するものです（%3 %4 ではなく %1 %2）</translation>
    </message>
</context>
<context>
    <name>ms::smime</name>
    <message>
        <source>S/MIME</source>
        <translation>S/MIME</translation>
    </message>
    <message>
        <source>none: the message has no S/MIME signature or encryption</source>
        <translation>none: メッセージに S/MIME の署名も暗号化もありません</translation>
    </message>
    <message>
        <source>S/MIME: none</source>
        <translation>S/MIME: なし</translation>
    </message>
    <message>
        <source>No multipart/signed or application/pkcs7-mime part was found (RFC 8551 3.2, 3.5).</source>
        <translation>multipart/signed または application/pkcs7-mime のパートが見つかりませんでした（RFC 8551 3.2、3.5）。</translation>
    </message>
    <message>
        <source>S/MIME: %1</source>
        <translation>S/MIME: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n S/MIME entity(ies) examined.</source>
        <translation>
            <numerusform>%n 個の S/MIME エンティティを調べました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ms::smime::Walker</name>
    <message>
        <source>Trust anchors</source>
        <translation>トラストアンカー</translation>
    </message>
    <message>
        <source>Certificates are trusted when their chain ends in one of these anchors (RFC 5280 6.1).</source>
        <translation>証明書は、そのチェーンがこれらのトラストアンカーのいずれかで終わるときに信頼されます（RFC 5280 6.1）。</translation>
    </message>
    <message>
        <source>System CA store</source>
        <translation>システムの CA ストア</translation>
    </message>
    <message>
        <source>used</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>不使用</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n certificate(s)</source>
        <translation>
            <numerusform>%1: %n 件の証明書</numerusform>
        </translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Trust file not usable</source>
        <translation>信頼ファイルが使えません</translation>
    </message>
    <message>
        <source>S/MIME CMS structure #%1</source>
        <translation>S/MIME CMS 構造 #%1</translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation>証明書: %1</translation>
    </message>
    <message>
        <source>Signed message (multipart/signed, detached signature)</source>
        <translation>署名付きメッセージ（multipart/signed、分離署名）</translation>
    </message>
    <message>
        <source>The first part is the signed content, the second the CMS signature over its exact bytes (RFC 8551 3.5.3, RFC 1847 2.1).</source>
        <translation>最初のパートが署名された内容、2 番目がその正確なバイト列に対する CMS 署名です（RFC 8551 3.5.3、RFC 1847 2.1）。</translation>
    </message>
    <message>
        <source>protocol</source>
        <translation>プロトコル</translation>
    </message>
    <message>
        <source>micalg</source>
        <translation>micalg</translation>
    </message>
    <message>
        <source>The protocol parameter is missing</source>
        <translation>protocol パラメーターがありません</translation>
    </message>
    <message>
        <source>Legacy x- signature type</source>
        <translation>旧式の x- 署名タイプ</translation>
    </message>
    <message>
        <source>RFC 8551 3.5.3 requires protocol=&quot;application/pkcs7-signature&quot;; receivers accept the older x-pkcs7-signature form.</source>
        <translation>RFC 8551 3.5.3 は protocol=&quot;application/pkcs7-signature&quot; を求めていますが、受信者は古い x-pkcs7-signature の形式も受け入れます。</translation>
    </message>
    <message>
        <source>multipart/signed needs two parts</source>
        <translation>multipart/signed には 2 つのパートが必要です</translation>
    </message>
    <message>
        <source>Found %1 part(s): no signature can be checked (RFC 1847 2.1).</source>
        <translation>見つかったパートは %1 個です。検査できる署名がありません（RFC 1847 2.1）。</translation>
    </message>
    <message>
        <source>the signed message is malformed</source>
        <translation>署名されたメッセージの形式が不正です</translation>
    </message>
    <message numerus="yes">
        <source>Signed content: %n byte(s)</source>
        <translation>
            <numerusform>署名された内容: %n バイト</numerusform>
        </translation>
    </message>
    <message>
        <source>Exactly these bytes, from after the first boundary line to before the CRLF that precedes the next boundary, are hashed. Any change to them, even in line endings or trailing spaces, breaks the signature (RFC 8551 3.1.1, 3.5.3).</source>
        <translation>最初の境界行の直後から、次の境界の前にある CRLF の直前までの、まさにこのバイト列がハッシュされます。改行コードや行末の空白であっても、これを変更すると署名は壊れます（RFC 8551 3.1.1、3.5.3）。</translation>
    </message>
    <message>
        <source>Content-Type</source>
        <translation>Content-Type</translation>
    </message>
    <message>
        <source>Line endings were normalized to CRLF</source>
        <translation>改行を CRLF に正規化しました</translation>
    </message>
    <message>
        <source>The file did not use CRLF line endings everywhere. S/MIME signs the canonical CRLF form (RFC 8551 3.1.1), so the CRLF view is verified; a signature made over the LF form would not verify.</source>
        <translation>このファイルはすべての箇所で CRLF の改行を使っているわけではありません。S/MIME は正規の CRLF 形式に署名する（RFC 8551 3.1.1）ため、CRLF 形式で検証します。LF 形式に対して作られた署名は検証に成功しません。</translation>
    </message>
    <message numerus="yes">
        <source>Signature part: %1, %n byte(s) of CMS</source>
        <translation>
            <numerusform>署名パート: %1、CMS %n バイト</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed message (%1, opaque signature)</source>
        <translation>署名付きメッセージ（%1、不透明署名）</translation>
    </message>
    <message>
        <source>Encrypted message (%1)</source>
        <translation>暗号化メッセージ（%1）</translation>
    </message>
    <message>
        <source>S/MIME entity (%1)</source>
        <translation>S/MIME エンティティ（%1）</translation>
    </message>
    <message>
        <source>The body is a base64 CMS structure whose type says what it is (RFC 8551 3.2, 3.3, 3.5.2).</source>
        <translation>本文は base64 の CMS 構造で、その型が中身の種類を示します（RFC 8551 3.2、3.3、3.5.2）。</translation>
    </message>
    <message>
        <source>smime-type</source>
        <translation>smime-type</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Recognized by its .p7m file name</source>
        <translation>.p7m のファイル名で認識</translation>
    </message>
    <message>
        <source>The part is labelled application/octet-stream; RFC 8551 3.2.1 lets receivers recognize S/MIME by the file name.</source>
        <translation>このパートは application/octet-stream とラベル付けされています。RFC 8551 3.2.1 では、受信者はファイル名から S/MIME を認識してもよいとされています。</translation>
    </message>
    <message>
        <source>The body is not a readable CMS structure</source>
        <translation>本文が読み取れる CMS 構造ではありません</translation>
    </message>
    <message>
        <source>It is larger than the 64 MiB limit.</source>
        <translation>64 MiB の上限を超えています。</translation>
    </message>
    <message>
        <source>the S/MIME part cannot be read</source>
        <translation>S/MIME パートを読めません</translation>
    </message>
    <message>
        <source>smime-type says %1 but the content is %2</source>
        <translation>smime-type は %1 ですが内容は %2 です</translation>
    </message>
    <message>
        <source>The CMS content type decides; the parameter is a hint for receivers (RFC 8551 3.2.2).</source>
        <translation>決め手は CMS のコンテンツタイプです。このパラメーターは受信者へのヒントにすぎません（RFC 8551 3.2.2）。</translation>
    </message>
    <message>
        <source>CMS %1: not a signature or encryption Mailscope evaluates</source>
        <translation>CMS %1: Mailscope が評価する署名や暗号化ではありません</translation>
    </message>
    <message>
        <source>Signer: %1</source>
        <translation>署名者: %1</translation>
    </message>
    <message>
        <source>Issuer #%1: %2</source>
        <translation>発行者 #%1: %2</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>サブジェクト</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>発行者</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>シリアル番号</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>有効期間の開始</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有効期間の終了</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>鍵</translation>
    </message>
    <message>
        <source>Signature algorithm</source>
        <translation>署名アルゴリズム</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>電子メールアドレス</translation>
    </message>
    <message>
        <source>CA</source>
        <translation>CA</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>CMS %1</source>
        <translation>CMS %1</translation>
    </message>
    <message>
        <source>(unreadable)</source>
        <translation>（読めません）</translation>
    </message>
    <message>
        <source>ContentInfo holding the signature, the certificates and one SignerInfo per signer (RFC 5652 5.1).</source>
        <translation>署名、証明書、署名者ごとに 1 つの SignerInfo を収めた ContentInfo（RFC 5652 5.1）。</translation>
    </message>
    <message>
        <source>The signature part holds a %1, not a signedData (RFC 8551 3.5.3).</source>
        <translation>署名パートに入っているのは %1 で、signedData ではありません（RFC 8551 3.5.3）。</translation>
    </message>
    <message>
        <source>the signature cannot be read</source>
        <translation>署名を読めません</translation>
    </message>
    <message>
        <source>Encapsulated content type</source>
        <translation>カプセル化されたコンテンツタイプ</translation>
    </message>
    <message>
        <source>Digest algorithms</source>
        <translation>ダイジェストアルゴリズム</translation>
    </message>
    <message>
        <source>Certificates included</source>
        <translation>同梱の証明書</translation>
    </message>
    <message>
        <source>Signers</source>
        <translation>署名者</translation>
    </message>
    <message>
        <source>The signed content is missing</source>
        <translation>署名された内容がありません</translation>
    </message>
    <message>
        <source>An application/pkcs7-mime signed-data must carry its content inside (RFC 8551 3.5.2); this one is detached.</source>
        <translation>application/pkcs7-mime の signed-data は内容を内部に持たなければなりません（RFC 8551 3.5.2）が、これは分離されています。</translation>
    </message>
    <message>
        <source>the signed content is missing</source>
        <translation>署名された内容がありません</translation>
    </message>
    <message>
        <source>No signer: a certificates-only message</source>
        <translation>署名者なし: 証明書だけのメッセージ</translation>
    </message>
    <message>
        <source>smime-type=certs-only carries certificates and no signature (RFC 8551 3.6).</source>
        <translation>smime-type=certs-only は証明書のみを運び、署名は含みません（RFC 8551 3.6）。</translation>
    </message>
    <message>
        <source>Signed content (opaque signature)</source>
        <translation>署名された内容（不透明署名）</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2, %n byte(s)</source>
        <translation>
            <numerusform>%1: %2、%n バイト</numerusform>
        </translation>
    </message>
    <message>
        <source>The MIME entity inside the CMS structure, shown from memory only.</source>
        <translation>CMS 構造の中の MIME エンティティです。メモリ上でのみ表示しています。</translation>
    </message>
    <message>
        <source>Line endings</source>
        <translation>改行</translation>
    </message>
    <message>
        <source>normalized to CRLF for display</source>
        <translation>表示用に CRLF に正規化</translation>
    </message>
    <message>
        <source>key id %1</source>
        <translation>鍵 ID %1</translation>
    </message>
    <message>
        <source>serial %1 from %2</source>
        <translation>%2 発行のシリアル %1</translation>
    </message>
    <message>
        <source>Signer #%1: %2</source>
        <translation>署名者 #%1: %2</translation>
    </message>
    <message>
        <source>One SignerInfo: who signed, with which algorithms, and the signed attributes (RFC 5652 5.3).</source>
        <translation>1 つの SignerInfo: 誰が、どのアルゴリズムで署名したか、および署名付き属性（RFC 5652 5.3）。</translation>
    </message>
    <message>
        <source>Digest algorithm</source>
        <translation>ダイジェストアルゴリズム</translation>
    </message>
    <message>
        <source>Signer identifier</source>
        <translation>署名者の識別子</translation>
    </message>
    <message>
        <source>issuer %1, serial %2</source>
        <translation>発行者 %1、シリアル %2</translation>
    </message>
    <message>
        <source>subject key id %1</source>
        <translation>サブジェクト鍵 ID %1</translation>
    </message>
    <message>
        <source>Signed attributes</source>
        <translation>署名された属性</translation>
    </message>
    <message>
        <source>micalg=%1 does not name the digest used (%2)</source>
        <translation>micalg=%1 は使われたダイジェスト（%2）を示していません</translation>
    </message>
    <message>
        <source>Harmless for verification, which uses the SignerInfo; a sign of a careless sender (RFC 8551 3.5.3.2).</source>
        <translation>検証には SignerInfo を使うので害はありませんが、送信者の扱いが雑であることを示しています（RFC 8551 3.5.3.2）。</translation>
    </message>
    <message>
        <source>Computed (%1)</source>
        <translation>計算値（%1）</translation>
    </message>
    <message>
        <source>Signed (messageDigest)</source>
        <translation>署名値（messageDigest）</translation>
    </message>
    <message>
        <source>The content digest cannot be computed</source>
        <translation>内容のダイジェストを計算できません</translation>
    </message>
    <message>
        <source>The signature covers the content directly and matches</source>
        <translation>署名は内容を直接対象にしており、一致します</translation>
    </message>
    <message>
        <source>The content does not match the signature</source>
        <translation>内容が署名と一致しません</translation>
    </message>
    <message>
        <source>Without signed attributes the signature is computed over the content digest itself (RFC 5652 5.4).</source>
        <translation>署名付き属性がない場合、署名は内容のダイジェストそのものに対して計算されます（RFC 5652 5.4）。</translation>
    </message>
    <message>
        <source>the content was changed after it was signed</source>
        <translation>内容は署名後に変更されました</translation>
    </message>
    <message>
        <source>Content digest matches the signed messageDigest</source>
        <translation>内容のダイジェストが署名された messageDigest と一致します</translation>
    </message>
    <message>
        <source>The %1 digest of the signed bytes equals the messageDigest attribute: the content is unchanged (RFC 5652 5.4, 11.2).</source>
        <translation>署名されたバイト列の %1 ダイジェストが messageDigest 属性と一致します。内容は変更されていません（RFC 5652 5.4、11.2）。</translation>
    </message>
    <message>
        <source>Content digest differs from the signed messageDigest</source>
        <translation>内容のダイジェストが署名された messageDigest と異なります</translation>
    </message>
    <message>
        <source>The signed bytes hash to a different value than the one the signer recorded: the content was changed after signing (a gateway footer, re-encoding, line-ending or whitespace change) (RFC 5652 5.4, 11.2).</source>
        <translation>署名されたバイト列のハッシュ値が、署名者の記録した値と異なります。署名後に内容が変更されています（ゲートウェイによるフッター追加、再エンコード、改行コードや空白の変更など）（RFC 5652 5.4、11.2）。</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate is not in the message</source>
        <translation>署名者の証明書がメッセージにありません</translation>
    </message>
    <message>
        <source>Without it the signature cannot be checked; senders normally include it (RFC 8551 3.1, RFC 5652 5.3).</source>
        <translation>これがないと署名を検査できません。送信者は通常これを含めます（RFC 8551 3.1、RFC 5652 5.3）。</translation>
    </message>
    <message>
        <source>the signer&apos;s certificate is missing</source>
        <translation>署名者の証明書がありません</translation>
    </message>
    <message>
        <source>Signature over the signed attributes is valid</source>
        <translation>署名された属性に対する署名は有効です</translation>
    </message>
    <message>
        <source>Signature over the signed attributes is invalid</source>
        <translation>署名された属性に対する署名は無効です</translation>
    </message>
    <message>
        <source>The %1 signature verifies with the signer&apos;s public key (%2) over the DER of the signed attributes, which include the digest above (RFC 5652 5.4).</source>
        <translation>%1 署名は、上記のダイジェストを含む署名付き属性の DER に対して、署名者の公開鍵（%2）で検証に成功します（RFC 5652 5.4）。</translation>
    </message>
    <message>
        <source>The signature does not verify with the signer&apos;s public key: the signed attributes or the signature were altered, or the certificate is not the signer&apos;s (RFC 5652 5.6). %1</source>
        <translation>署名者の公開鍵で署名を検証できません。署名付き属性または署名が改変されたか、証明書が署名者のものではありません（RFC 5652 5.6）。%1</translation>
    </message>
    <message>
        <source>the signature does not verify</source>
        <translation>署名が検証されません</translation>
    </message>
    <message>
        <source>Signed at %1 (by the signer&apos;s clock)</source>
        <translation>%1 に署名（署名者の時計による）</translation>
    </message>
    <message>
        <source>signingTime is a signed attribute set by the sender&apos;s software; certificate validity is judged at that time (RFC 5652 11.3).</source>
        <translation>signingTime は送信者のソフトウェアが設定する署名付き属性です。証明書の有効性はその時刻で判断されます（RFC 5652 11.3）。</translation>
    </message>
    <message>
        <source>No signingTime attribute</source>
        <translation>signingTime 属性なし</translation>
    </message>
    <message>
        <source>Validity is judged at the evaluation time only (RFC 5652 11.3).</source>
        <translation>有効性は評価時刻のみで判断されます（RFC 5652 11.3）。</translation>
    </message>
    <message>
        <source>The certificate does not chain to a trusted authority</source>
        <translation>証明書が信頼された認証局につながりません</translation>
    </message>
    <message>
        <source>No path from the signer&apos;s certificate to a trust anchor (the system store%1): %2. Add the issuing CA as a trust file if you trust it (RFC 5280 6.1).</source>
        <translation>署名者の証明書からトラストアンカー（システムストア%1）への経路がありません: %2。発行元 CA を信頼する場合は、信頼ファイルとして追加してください（RFC 5280 6.1）。</translation>
    </message>
    <message>
        <source> or your trust files</source>
        <translation> またはあなたの信頼ファイル</translation>
    </message>
    <message>
        <source>the signer&apos;s certificate is not from a trusted authority</source>
        <translation>署名者の証明書は信頼された認証局のものではありません</translation>
    </message>
    <message>
        <source>The certificate chain is invalid</source>
        <translation>証明書チェーンが無効です</translation>
    </message>
    <message>
        <source>the signer&apos;s certificate chain is invalid: %1</source>
        <translation>署名者の証明書チェーンが無効です: %1</translation>
    </message>
    <message numerus="yes">
        <source>Chain of %n certificate(s) ends in a trusted authority</source>
        <translation>
            <numerusform>%n 件の証明書のチェーンが信頼された認証局で終わります</numerusform>
        </translation>
    </message>
    <message>
        <source>Every certificate is signed by the next, and the last is a trust anchor (RFC 5280 6.1).</source>
        <translation>各証明書は次の証明書によって署名されており、最後の証明書はトラストアンカーです（RFC 5280 6.1）。</translation>
    </message>
    <message>
        <source>Certificates were valid when the message was signed (%1)</source>
        <translation>メッセージの署名時に証明書は有効でした（%1）</translation>
    </message>
    <message>
        <source>Certificates were not valid when the message was signed (%1)</source>
        <translation>メッセージの署名時に証明書は有効ではありませんでした（%1）</translation>
    </message>
    <message>
        <source>the signer&apos;s certificate had expired when the message was signed</source>
        <translation>メッセージの署名時に、署名者の証明書は期限切れでした</translation>
    </message>
    <message>
        <source>the signer&apos;s certificate was not yet valid when the message was signed</source>
        <translation>メッセージの署名時に、署名者の証明書はまだ有効になっていませんでした</translation>
    </message>
    <message>
        <source>Certificates are valid at the evaluation time (%1)</source>
        <translation>評価時刻に証明書は有効です（%1）</translation>
    </message>
    <message>
        <source>Certificates are not valid at the evaluation time (%1)</source>
        <translation>評価時刻に証明書は有効ではありません（%1）</translation>
    </message>
    <message>
        <source>%1. The signature was made while they were valid, which is what counts for a signed message; note that signingTime is claimed by the signer.</source>
        <translation>%1。署名は証明書が有効な間に行われており、署名付きメッセージではそれが重要です。ただし、signingTime は署名者が主張する値である点に注意してください。</translation>
    </message>
    <message>
        <source>the signer&apos;s certificate has expired</source>
        <translation>署名者の証明書は期限切れです</translation>
    </message>
    <message>
        <source>the signer&apos;s certificate is not yet valid</source>
        <translation>署名者の証明書はまだ有効ではありません</translation>
    </message>
    <message>
        <source>The certificate may sign e-mail</source>
        <translation>証明書は電子メールに署名できます</translation>
    </message>
    <message>
        <source>The certificate is not for signing e-mail</source>
        <translation>証明書は電子メールの署名用ではありません</translation>
    </message>
    <message>
        <source>Key usage</source>
        <translation>鍵の用途</translation>
    </message>
    <message>
        <source>(absent: any)</source>
        <translation>（なし: 任意）</translation>
    </message>
    <message>
        <source>Extended key usage</source>
        <translation>拡張鍵用途</translation>
    </message>
    <message>
        <source>keyUsage is present but has neither digitalSignature nor nonRepudiation (RFC 8550 4.4.2).</source>
        <translation>keyUsage がありますが、digitalSignature も nonRepudiation も含まれていません（RFC 8550 4.4.2）。</translation>
    </message>
    <message>
        <source>extendedKeyUsage is present without emailProtection, so the certificate was issued for something else (RFC 8550 4.4.4).</source>
        <translation>extendedKeyUsage に emailProtection が含まれていないため、この証明書は別の用途のために発行されたものです（RFC 8550 4.4.4）。</translation>
    </message>
    <message>
        <source>keyUsage and extendedKeyUsage allow e-mail signatures (RFC 8550 4.4.2, 4.4.4).</source>
        <translation>keyUsage と extendedKeyUsage は電子メールの署名を許可しています（RFC 8550 4.4.2、4.4.4）。</translation>
    </message>
    <message>
        <source>the signer&apos;s certificate is not meant for e-mail signatures</source>
        <translation>署名者の証明書は電子メールの署名用ではありません</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Certificate addresses</source>
        <translation>証明書のアドレス</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate names %1</source>
        <translation>署名者の証明書には %1 とあります</translation>
    </message>
    <message>
        <source>The address in %1 is one of the certificate&apos;s e-mail addresses (RFC 8550 3).</source>
        <translation>%1 のアドレスは証明書の電子メールアドレスの 1 つです（RFC 8550 3）。</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate has no e-mail address</source>
        <translation>署名者の証明書に電子メールアドレスがありません</translation>
    </message>
    <message>
        <source>Signed by %1, but the From address is %2</source>
        <translation>%1 が署名しましたが、From アドレスは %2 です</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Receivers must check that the From or Sender address appears in the signer&apos;s certificate (RFC 8550 3). The signature is intact but was made by someone else than the visible sender.</source>
        <translation>受信者は From または Sender のアドレスが署名者の証明書に含まれていることを確認しなければなりません（RFC 8550 3）。署名は無傷ですが、表示上の送信者とは別の人物によって作られています。</translation>
    </message>
    <message>
        <source>signed by %1, not by the From address %2</source>
        <translation>From アドレス %2 ではなく %1 が署名</translation>
    </message>
    <message>
        <source>signed by %1, certificate trusted</source>
        <translation>%1 が署名、証明書は信頼済み</translation>
    </message>
    <message>
        <source>CMS %1, content encrypted with %2</source>
        <translation>CMS %1、内容は %2 で暗号化</translation>
    </message>
    <message>
        <source>A random content key encrypts the content; it is encrypted once per recipient (RFC 5652 6.1).</source>
        <translation>無作為なコンテンツ鍵で内容を暗号化し、その鍵を受信者ごとに 1 回ずつ暗号化します（RFC 5652 6.1）。</translation>
    </message>
    <message>
        <source>%1 is a legacy content cipher</source>
        <translation>%1 は旧式の内容暗号です</translation>
    </message>
    <message>
        <source>RFC 8551 2.7 requires AES-128 (GCM or CBC) support and recommends against older ciphers.</source>
        <translation>RFC 8551 2.7 は AES-128（GCM または CBC）への対応を必須とし、古い暗号方式を使わないよう推奨しています。</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s)</source>
        <translation>
            <numerusform>受信者 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Each RecipientInfo names a certificate (issuer and serial, or key identifier) whose private key can open the message (RFC 5652 6.2).</source>
        <translation>各 RecipientInfo は、秘密鍵でメッセージを開ける証明書を（発行者とシリアル番号、または鍵識別子で）示します（RFC 5652 6.2）。</translation>
    </message>
    <message>
        <source>%1 recipient, key id %2</source>
        <translation>%1 受信者、鍵 ID %2</translation>
    </message>
    <message>
        <source>%1 recipient: serial %2 from %3</source>
        <translation>%1 受信者: %3 発行のシリアル %2</translation>
    </message>
    <message>
        <source>Key encryption</source>
        <translation>鍵の暗号化</translation>
    </message>
    <message>
        <source>Not decrypted: no PKCS#12 key given</source>
        <translation>未復号: PKCS#12 鍵が指定されていません</translation>
    </message>
    <message>
        <source>Give your key (PKCS#12) to decrypt in memory and verify what is inside.</source>
        <translation>鍵（PKCS#12）を指定すると、メモリ上で復号して中身を検証します。</translation>
    </message>
    <message numerus="yes">
        <source>encrypted for %n recipient(s); no key given to open it</source>
        <translation>
            <numerusform>%n 人の受信者向けに暗号化。開く鍵が指定されていません</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>%1 を読めません</translation>
    </message>
    <message>
        <source>Decrypted in memory with recipient #%1&apos;s key</source>
        <translation>受信者 #%1 の鍵でメモリ内で復号しました</translation>
    </message>
    <message>
        <source>Could not decrypt</source>
        <translation>復号できませんでした</translation>
    </message>
    <message>
        <source>Key of %1. The decrypted content is kept in memory only, never written to disk.</source>
        <translation>%1 の鍵。復号した内容はメモリ上にのみ保持され、ディスクには書き込まれません。</translation>
    </message>
    <message>
        <source>encrypted; could not decrypt: %1</source>
        <translation>暗号化。復号できませんでした: %1</translation>
    </message>
    <message>
        <source>Decrypted content</source>
        <translation>復号した内容</translation>
    </message>
    <message>
        <source>encrypted and decrypted; the content is not signed</source>
        <translation>暗号化・復号済み。内容は署名されていません</translation>
    </message>
</context>
<context>
    <name>ms::spf</name>
    <message>
        <source>&quot;%1&quot; authorizes every host on the Internet</source>
        <translation>&quot;%1&quot; はインターネット上のすべてのホストを許可します</translation>
    </message>
    <message>
        <source>A pass for any address makes the policy useless and lets anyone send as this domain. End the record with &quot;-all&quot; or &quot;~all&quot;.</source>
        <translation>あらゆるアドレスに対する pass はポリシーを無意味にし、誰でもこのドメインとして送信できるようにします。レコードは &quot;-all&quot; または &quot;~all&quot; で終えてください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; gives neutral to every other host</source>
        <translation>&quot;%1&quot; はほかのすべてのホストを neutral にします</translation>
    </message>
    <message>
        <source>Neutral states no policy: receivers treat it like no SPF record at all (RFC 7208 8.2). Use &quot;~all&quot; or &quot;-all&quot; once the list of senders is complete.</source>
        <translation>neutral はポリシーを何も表明しません。受信者は SPF レコードがまったくない場合と同じように扱います（RFC 7208 8.2）。送信者の一覧がそろったら &quot;~all&quot; または &quot;-all&quot; を使ってください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the ptr mechanism should not be used</source>
        <translation>&quot;%1&quot;: ptr メカニズムは使うべきではありません</translation>
    </message>
    <message>
        <source>ptr is slow, unreliable and loads the reverse DNS of others; RFC 7208 says it SHOULD NOT be published. List addresses with ip4/ip6 or a instead.</source>
        <translation>ptr は遅く、信頼性が低く、他者の逆引き DNS に負荷をかけます。RFC 7208 は公開すべきでない（SHOULD NOT）としています。代わりに ip4/ip6 または a でアドレスを列挙してください。</translation>
    </message>
    <message>
        <source>the %{p} macro should not be used</source>
        <translation>%{p} マクロは使うべきではありません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; comes after &quot;all&quot; and is never evaluated</source>
        <translation>&quot;%1&quot; は &quot;all&quot; の後にあるため評価されません</translation>
    </message>
    <message>
        <source>Mechanisms are evaluated left to right and &quot;all&quot; always matches.</source>
        <translation>メカニズムは左から右へ評価され、&quot;all&quot; は常に一致します。</translation>
    </message>
    <message>
        <source>redirect= is ignored because the record has &quot;all&quot;</source>
        <translation>レコードに &quot;all&quot; があるため redirect= は無視されます</translation>
    </message>
    <message>
        <source>RFC 7208 6.1: any redirect modifier MUST be ignored if there is an &quot;all&quot; mechanism anywhere in the record.</source>
        <translation>RFC 7208 6.1: レコード内のどこかに &quot;all&quot; メカニズムがある場合、redirect 修飾子は無視しなければなりません（MUST）。</translation>
    </message>
    <message>
        <source>no &quot;all&quot; and no redirect=: hosts not listed get neutral</source>
        <translation>&quot;all&quot; も redirect= もありません: 記載のないホストは neutral になります</translation>
    </message>
    <message>
        <source>Without a final &quot;all&quot; the default result is neutral (RFC 7208 4.7), which receivers treat as no policy.</source>
        <translation>最後に &quot;all&quot; がない場合、既定の結果は neutral になり（RFC 7208 4.7）、受信者はポリシーなしとして扱います。</translation>
    </message>
    <message>
        <source>%1 DNS-querying terms in this record alone: over the limit of 10</source>
        <translation>このレコードだけで DNS 問い合わせを伴う項目が %1 個あります: 上限の 10 を超えています</translation>
    </message>
    <message>
        <source>Evaluation gives permerror once the eleventh is reached (RFC 7208 4.6.4).</source>
        <translation>11 個目に達した時点で、評価は permerror になります（RFC 7208 4.6.4）。</translation>
    </message>
    <message>
        <source>%1 DNS-querying terms in this record alone: close to the limit of 10</source>
        <translation>このレコードだけで DNS 問い合わせを伴う項目が %1 個あります: 上限の 10 に近づいています</translation>
    </message>
    <message>
        <source>Includes add their own terms to the same budget (RFC 7208 4.6.4).</source>
        <translation>include は自身の項目を同じ上限に加算します（RFC 7208 4.6.4）。</translation>
    </message>
    <message>
        <source>the TXT answer is about %1 bytes: too long for one 512-byte UDP answer</source>
        <translation>TXT の応答が約 %1 バイトあります: 512 バイトの UDP 応答 1 つには長すぎます</translation>
    </message>
    <message>
        <source>Resolvers without EDNS must retry over TCP, and some fail instead. RFC 7208 3.4 recommends keeping the answer within 512 bytes (other TXT records of the name count too).</source>
        <translation>EDNS に対応していないリゾルバーは TCP で再試行する必要があり、中には失敗するものもあります。RFC 7208 3.4 は応答を 512 バイト以内に収めることを推奨しています（同じ名前のほかの TXT レコードも含めて数えます）。</translation>
    </message>
    <message>
        <source>the answer was truncated over UDP and fetched over TCP</source>
        <translation>UDP で応答が切り詰められ、TCP で取得しました</translation>
    </message>
    <message>
        <source>%1 publishes %2 SPF records</source>
        <translation>%1 は SPF レコードを %2 件公開しています</translation>
    </message>
    <message>
        <source>Merge them into one record: with more than one, every check gives permerror.</source>
        <translation>1 つのレコードにまとめてください。複数あると、どのチェックも permerror になります。</translation>
    </message>
    <message>
        <source>%1 of %2 DNS-querying terms used: close to the limit</source>
        <translation>DNS を問い合わせる項目を %2 中 %1 使用: 上限間近です</translation>
    </message>
    <message>
        <source>One more include or a change in an included record can push this policy into permerror (RFC 7208 4.6.4).</source>
        <translation>include をもう 1 つ追加するか、include 先のレコードが変わるだけで、このポリシーは permerror になりかねません（RFC 7208 4.6.4）。</translation>
    </message>
    <message>
        <source>%1 void lookups: at the limit</source>
        <translation>空の参照 %1 回: 上限です</translation>
    </message>
    <message>
        <source>Names in the policy that do not exist or have no records; one more gives permerror (RFC 7208 4.6.4).</source>
        <translation>ポリシー中の、存在しないかレコードを持たない名前です。もう 1 つ増えると permerror になります（RFC 7208 4.6.4）。</translation>
    </message>
    <message>
        <source>an mx term has %1 MX names: close to the limit of 10</source>
        <translation>mx 項目の MX 名が %1 個: 上限 10 に近い</translation>
    </message>
    <message>
        <source>the client has %1 PTR names: only 10 were used</source>
        <translation>クライアントの PTR 名が %1 個: 使ったのは 10 個だけです</translation>
    </message>
    <message>
        <source>non-ASCII byte 0x%1: SPF text is 7-bit ASCII (RFC 7208 3.1, 7.1)</source>
        <translation>非 ASCII バイト 0x%1: SPF のテキストは 7 ビット ASCII です（RFC 7208 3.1、7.1）</translation>
    </message>
    <message>
        <source>control character or space 0x%1 is not allowed here (RFC 7208 7.1)</source>
        <translation>制御文字または空白 0x%1 はここでは使えません（RFC 7208 7.1）</translation>
    </message>
    <message>
        <source>a lone &apos;%&apos; at the end: write %% for a percent sign (RFC 7208 7.1)</source>
        <translation>末尾に &apos;%&apos; が単独であります: パーセント記号は %% と書いてください（RFC 7208 7.1）</translation>
    </message>
    <message>
        <source>&apos;%%%1&apos; is not a macro: after &apos;%&apos; comes &apos;{&apos;, &apos;%&apos;, &apos;_&apos; or &apos;-&apos; (RFC 7208 7.1)</source>
        <translation>&apos;%%%1&apos; はマクロではありません: &apos;%&apos; の後には &apos;{&apos;、&apos;%&apos;、&apos;_&apos;、&apos;-&apos; のいずれかが続きます（RFC 7208 7.1）</translation>
    </message>
    <message>
        <source>unterminated macro (RFC 7208 7.1)</source>
        <translation>終わっていないマクロ（RFC 7208 7.1）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a macro letter (s l o d i p h c r t v; RFC 7208 7.1)</source>
        <translation>&apos;%1&apos; はマクロ文字ではありません（s l o d i p h c r t v。RFC 7208 7.1）</translation>
    </message>
    <message>
        <source>the %{%1} macro is allowed only in explanation strings (RFC 7208 7.3)</source>
        <translation>%{%1} マクロは説明文字列の中でしか使えません（RFC 7208 7.3）</translation>
    </message>
    <message>
        <source>a macro&apos;s digit count must be non-zero (RFC 7208 7.3)</source>
        <translation>マクロの桁数は 0 以外でなければなりません（RFC 7208 7.3）</translation>
    </message>
    <message>
        <source>malformed macro: expected &apos;}&apos; (RFC 7208 7.1)</source>
        <translation>不正なマクロ: &apos;}&apos; が必要です（RFC 7208 7.1）</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>名前が空です</translation>
    </message>
    <message>
        <source>the name is longer than 253 characters</source>
        <translation>名前が 253 文字より長い</translation>
    </message>
    <message>
        <source>the name has an empty label</source>
        <translation>名前に空のラベルがあります</translation>
    </message>
    <message>
        <source>a label is longer than 63 octets</source>
        <translation>ラベルが 63 オクテットより長い</translation>
    </message>
    <message>
        <source>s = the sender (local-part@domain)</source>
        <translation>s = 送信者（ローカル部@ドメイン）</translation>
    </message>
    <message>
        <source>l = the local-part of the sender</source>
        <translation>l = 送信者のローカル部</translation>
    </message>
    <message>
        <source>o = the domain of the sender</source>
        <translation>o = 送信者のドメイン</translation>
    </message>
    <message>
        <source>d = the domain being checked</source>
        <translation>d = 検査中のドメイン</translation>
    </message>
    <message>
        <source>i = the client IP (dotted; IPv6 as nibbles)</source>
        <translation>i = クライアント IP（ドット区切り、IPv6 はニブル表記）</translation>
    </message>
    <message>
        <source>p = the validated domain name of the client IP (do not use)</source>
        <translation>p = クライアント IP の検証済みドメイン名（使用しないでください）</translation>
    </message>
    <message>
        <source>v = &quot;in-addr&quot; for IPv4, &quot;ip6&quot; for IPv6</source>
        <translation>v = IPv4 なら &quot;in-addr&quot;、IPv6 なら &quot;ip6&quot;</translation>
    </message>
    <message>
        <source>h = the HELO/EHLO domain</source>
        <translation>h = HELO/EHLO のドメイン</translation>
    </message>
    <message>
        <source>c = the client IP in readable form</source>
        <translation>c = 読みやすい形のクライアント IP</translation>
    </message>
    <message>
        <source>r = the domain of the checking host</source>
        <translation>r = 検査するホストのドメイン</translation>
    </message>
    <message>
        <source>t = the current time in seconds since the epoch</source>
        <translation>t = エポックからの現在時刻（秒）</translation>
    </message>
    <message>
        <source>the domain-spec is empty</source>
        <translation>domain-spec が空です</translation>
    </message>
    <message>
        <source>the domain must end in a macro or in &quot;.&quot; and a top-level label with a letter (RFC 7208 7.1 domain-end)</source>
        <translation>ドメインはマクロで終わるか、&quot;.&quot; と英字を含むトップレベルラベルで終わる必要があります（RFC 7208 7.1 domain-end）</translation>
    </message>
    <message>
        <source>not an SPF record: it must begin with &quot;v=spf1&quot;</source>
        <translation>SPF レコードではありません: &quot;v=spf1&quot; で始まらなければなりません</translation>
    </message>
    <message>
        <source>non-ASCII byte 0x%1 in term &quot;%2&quot;: SPF records are 7-bit ASCII</source>
        <translation>項 &quot;%2&quot; に非 ASCII バイト 0x%1 があります: SPF レコードは 7 ビット ASCII です</translation>
    </message>
    <message>
        <source>control character 0x%1 in a term: terms are separated by spaces only</source>
        <translation>項の中に制御文字 0x%1 があります: 項の区切りは空白だけです</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid modifier name: it must start with a letter and contain only letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;</source>
        <translation>&quot;%1&quot; は有効な修飾子名ではありません: 英字で始まり、英字、数字、&apos;-&apos;、&apos;_&apos;、&apos;.&apos; だけを含む必要があります</translation>
    </message>
    <message>
        <source>the &quot;%1&quot; modifier appears more than once</source>
        <translation>修飾子 &quot;%1&quot; が複数回あります</translation>
    </message>
    <message>
        <source>%1= needs a valid domain-spec: %2</source>
        <translation>%1= には有効な domain-spec が必要です: %2</translation>
    </message>
    <message>
        <source>unknown modifier &quot;%1&quot; has an invalid value: %2</source>
        <translation>不明な修飾子 &quot;%1&quot; の値が無効です: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a modifier and needs &apos;=&apos; (&quot;%1=...&quot;)</source>
        <translation>&quot;%1&quot; は修飾子なので &apos;=&apos; が必要です（&quot;%1=...&quot;）</translation>
    </message>
    <message>
        <source>unknown mechanism &quot;%1&quot;</source>
        <translation>不明なメカニズム &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>&quot;all&quot; takes no argument or prefix length</source>
        <translation>&quot;all&quot; は引数もプレフィックス長も取りません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs &quot;:domain&quot;</source>
        <translation>&quot;%1&quot; には &quot;:domain&quot; が必要です</translation>
    </message>
    <message>
        <source>&quot;ptr&quot; takes no prefix length</source>
        <translation>&quot;ptr&quot; はプレフィックス長を取りません</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: invalid prefix length (&quot;/0&quot;-&quot;/32&quot; for IPv4, &quot;//0&quot;-&quot;//128&quot; for IPv6)</source>
        <translation>&quot;%1&quot;: プレフィックス長が不正です（IPv4 は &quot;/0&quot;～&quot;/32&quot;、IPv6 は &quot;//0&quot;～&quot;//128&quot;）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs &quot;:address&quot;</source>
        <translation>&quot;%1&quot; には &quot;:address&quot; が必要です</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: invalid prefix length (RFC 7208 5.6 allows /0-/%2 without leading zeros)</source>
        <translation>&quot;%1&quot;: プレフィックス長が不正です（RFC 7208 5.6 で許されるのは先頭ゼロなしの /0～/%2）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv6 address</source>
        <translation>&quot;%1&quot; は IPv6 アドレスではありません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv4 address (four decimal numbers 0-255)</source>
        <translation>&quot;%1&quot; は IPv4 アドレス（0〜255 の 4 つの 10 進数）ではありません</translation>
    </message>
    <message>
        <source>HELO identity: &lt;sender&gt; is postmaster@ the HELO name (RFC 7208 2.3)</source>
        <translation>HELO アイデンティティ: &lt;sender&gt; は postmaster@&lt;HELO 名&gt; です（RFC 7208 2.3）</translation>
    </message>
    <message>
        <source>null reverse-path: the MAIL FROM identity is postmaster@ the HELO name (RFC 7208 2.4)</source>
        <translation>空のリバースパス: MAIL FROM アイデンティティは postmaster@&lt;HELO 名&gt; です（RFC 7208 2.4）</translation>
    </message>
    <message>
        <source>no local-part: &quot;postmaster&quot; is used (RFC 7208 4.3)</source>
        <translation>ローカル部なし: &quot;postmaster&quot; を使います（RFC 7208 4.3）</translation>
    </message>
    <message>
        <source>inputs</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>check_host(&lt;ip&gt;, &lt;domain&gt;, &lt;sender&gt;) with the HELO name for %{h} (RFC 7208 4.1).</source>
        <translation>%{h} には HELO 名を使って check_host(&lt;ip&gt;, &lt;domain&gt;, &lt;sender&gt;) を評価します（RFC 7208 4.1）。</translation>
    </message>
    <message>
        <source>client IP</source>
        <translation>クライアント IP</translation>
    </message>
    <message>
        <source>HELO</source>
        <translation>HELO</translation>
    </message>
    <message>
        <source>MAIL FROM</source>
        <translation>MAIL FROM</translation>
    </message>
    <message>
        <source>(null reverse-path)</source>
        <translation>（空のリバースパス）</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>識別子</translation>
    </message>
    <message>
        <source>sender</source>
        <translation>送信者</translation>
    </message>
    <message>
        <source>domain</source>
        <translation>ドメイン</translation>
    </message>
    <message>
        <source>note</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>SPF %1 identity %2: %3</source>
        <translation>SPF %1 識別子 %2: %3</translation>
    </message>
    <message>
        <source>(no domain)</source>
        <translation>（ドメインなし）</translation>
    </message>
    <message>
        <source>result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>the client IP address is unknown: enter it (--ip, or the envelope panel)</source>
        <translation>クライアント IP アドレスが不明です: 入力してください（--ip、またはエンベロープパネル）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv4 or IPv6 address: correct it (--ip, or the envelope panel)</source>
        <translation>&quot;%1&quot; は IPv4 アドレスでも IPv6 アドレスでもありません: 修正してください（--ip、またはエンベロープパネル）</translation>
    </message>
    <message>
        <source>the HELO name is unknown: enter it (--helo, or the envelope panel)</source>
        <translation>HELO 名が不明です: 入力してください（--helo、またはエンベロープパネル）</translation>
    </message>
    <message>
        <source>the MAIL FROM address has no domain: enter it (--mail-from, or the envelope panel)</source>
        <translation>MAIL FROM アドレスにドメインがありません: 入力してください（--mail-from、またはエンベロープパネル）</translation>
    </message>
    <message>
        <source>DNS-querying terms</source>
        <translation>DNS を問い合わせる項目</translation>
    </message>
    <message>
        <source>void lookups</source>
        <translation>空の参照</translation>
    </message>
    <message>
        <source>explanation</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>%1: not found</source>
        <translation>%1: 見つかりません</translation>
    </message>
    <message>
        <source>The message does not say what it was. Enter it with %1 (CLI) or in the envelope panel (GUI).</source>
        <translation>メッセージにはその値が記されていません。%1（CLI）またはエンベロープパネル（GUI）で入力してください。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Given by the user.</source>
        <translation>ユーザーが指定しました。</translation>
    </message>
    <message>
        <source>value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>source</source>
        <translation>取得元</translation>
    </message>
    <message>
        <source>user override</source>
        <translation>ユーザーによる上書き</translation>
    </message>
    <message>
        <source>guessed from the message</source>
        <translation>メッセージから推測</translation>
    </message>
    <message>
        <source>SPF</source>
        <translation>SPF</translation>
    </message>
    <message>
        <source>SMTP envelope</source>
        <translation>SMTP エンベロープ</translation>
    </message>
    <message>
        <source>SPF judges the SMTP session, not the message: the client address, the HELO name and the MAIL FROM address. A saved message does not carry them; they are guessed from the receiving Received hop, Return-Path, Received-SPF and Authentication-Results, and each can be overridden.</source>
        <translation>SPF が判定するのはメッセージではなく SMTP セッション、つまりクライアントアドレス、HELO 名、MAIL FROM アドレスです。保存されたメッセージにはこれらが含まれないため、受信側の Received ホップ、Return-Path、Received-SPF、Authentication-Results から推測します。いずれも上書きできます。</translation>
    </message>
    <message>
        <source>client IP (--ip)</source>
        <translation>クライアント IP（--ip）</translation>
    </message>
    <message>
        <source>HELO name (--helo)</source>
        <translation>HELO 名（--helo）</translation>
    </message>
    <message>
        <source>MAIL FROM (--mail-from; &quot;&lt;&gt;&quot; for a bounce)</source>
        <translation>MAIL FROM（--mail-from。バウンスは &quot;&lt;&gt;&quot;）</translation>
    </message>
    <message>
        <source>SPF was not evaluated: %1 unknown. Enter %2 (CLI flags, or the envelope panel in the GUI).</source>
        <translation>SPF は評価されませんでした: %1 が不明です。%2 を入力してください（CLI のフラグ、または GUI のエンベロープパネル）。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>the client IP and the HELO name or MAIL FROM</source>
        <translation>クライアント IP と、HELO 名または MAIL FROM</translation>
    </message>
    <message>
        <source>the HELO name or MAIL FROM</source>
        <translation>HELO 名または MAIL FROM</translation>
    </message>
    <message>
        <source>SPF: not evaluated (envelope incomplete)</source>
        <translation>SPF: 未評価（エンベロープが不完全）</translation>
    </message>
    <message>
        <source>MAIL FROM identity: not evaluated, MAIL FROM unknown</source>
        <translation>MAIL FROM アイデンティティ: 未評価、MAIL FROM が不明</translation>
    </message>
    <message>
        <source>Enter the envelope sender with --mail-from (&quot;&lt;&gt;&quot; for a bounce) or in the envelope panel.</source>
        <translation>エンベロープ送信者を --mail-from（バウンスは &quot;&lt;&gt;&quot;）またはエンベロープパネルで入力してください。</translation>
    </message>
    <message>
        <source>HELO identity: not evaluated, HELO name unknown</source>
        <translation>HELO アイデンティティ: 未評価、HELO 名が不明</translation>
    </message>
    <message>
        <source>Enter the HELO/EHLO name with --helo or in the envelope panel.</source>
        <translation>HELO/EHLO 名を --helo またはエンベロープパネルで入力してください。</translation>
    </message>
    <message>
        <source>SPF %1 for %2 (%3)</source>
        <translation>SPF %1（%2 について、%3）</translation>
    </message>
    <message>
        <source>HELO identity</source>
        <translation>HELO アイデンティティ</translation>
    </message>
    <message>
        <source>MAIL FROM identity</source>
        <translation>MAIL FROM アイデンティティ</translation>
    </message>
    <message>
        <source>(null MAIL FROM: checked as postmaster@%1)</source>
        <translation>（空の MAIL FROM: postmaster@%1 として検査）</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: a term must begin with a mechanism name (all, include, a, mx, ptr, ip4, ip6, exists) or be a modifier (name=value)</source>
        <translation>&quot;%1&quot;: 項はメカニズム名（all、include、a、mx、ptr、ip4、ip6、exists）で始まるか、修飾子（name=value）である必要があります</translation>
    </message>
</context>
<context>
    <name>ms::spf::Evaluator</name>
    <message>
        <source>DNS-querying terms</source>
        <translation>DNS を問い合わせる項目</translation>
    </message>
    <message>
        <source>void lookups</source>
        <translation>空の参照</translation>
    </message>
    <message>
        <source>evaluation stopped: time budget used up or cancelled</source>
        <translation>評価を中止しました: 制限時間を使い切ったか、キャンセルされました</translation>
    </message>
    <message>
        <source>RFC 7208 4.6.4 lets a checker bound the time check_host() takes; beyond it the result is temperror.</source>
        <translation>RFC 7208 4.6.4 では、検査側が check_host() にかかる時間を制限できます。制限を超えると結果は temperror になります。</translation>
    </message>
    <message>
        <source>more than %1 void lookups (answers with no records or NXDOMAIN)</source>
        <translation>空の参照（レコードのない応答または NXDOMAIN）が %1 回を超えました</translation>
    </message>
    <message>
        <source>void-lookup limit exceeded (%1)</source>
        <translation>空の参照の上限を超えました（%1）</translation>
    </message>
    <message>
        <source>RFC 7208 4.6.4: SPF implementations SHOULD limit void lookups to two; exceeding the limit produces permerror.</source>
        <translation>RFC 7208 4.6.4: SPF の実装は空の参照を 2 回までに制限すべき（SHOULD）であり、上限を超えると permerror になります。</translation>
    </message>
    <message>
        <source>Macros are expanded before use (RFC 7208 7): each %{...} is replaced by its value, split on its delimiters, reversed with &apos;r&apos;, cut to the right-most N parts, and URL-escaped when the letter is upper case.</source>
        <translation>マクロは使用前に展開されます（RFC 7208 7）。各 %{...} はその値に置き換えられ、区切り文字で分割され、&apos;r&apos; があれば逆順にされ、右端の N 個の部分に切り詰められ、文字が大文字なら URL エスケープされます。</translation>
    </message>
    <message>
        <source>%1 → &quot;%2&quot;</source>
        <translation>%1 → &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%% is a percent sign, %_ a space, %- a URL-encoded space (RFC 7208 7.1).</source>
        <translation>%% はパーセント記号、%_ は空白、%- は URL エンコードされた空白です（RFC 7208 7.1）。</translation>
    </message>
    <message>
        <source>value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>right-most parts</source>
        <translation>右端の部分</translation>
    </message>
    <message>
        <source>reversed</source>
        <translation>逆順</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>delimiters</source>
        <translation>区切り文字</translation>
    </message>
    <message>
        <source>URL-escaped</source>
        <translation>URL エスケープ</translation>
    </message>
    <message>
        <source>yes (upper-case letter)</source>
        <translation>はい（大文字）</translation>
    </message>
    <message>
        <source>expansion cut at %1 bytes</source>
        <translation>展開結果を %1 バイトで切り詰めました</translation>
    </message>
    <message>
        <source>The expansion grew beyond any sensible length; the rest is dropped so that a hostile record cannot use unbounded memory.</source>
        <translation>展開結果が妥当な長さを大きく超えました。悪意のあるレコードがメモリを際限なく使えないよう、残りは破棄します。</translation>
    </message>
    <message>
        <source>expand &quot;%1&quot; → &quot;%2&quot;</source>
        <translation>&quot;%1&quot; を展開 → &quot;%2&quot;</translation>
    </message>
    <message>
        <source>longer than 253 characters: left-most labels removed → %1</source>
        <translation>253 文字を超えています: 左端のラベルを削除 → %1</translation>
    </message>
    <message>
        <source>When an expanded domain name exceeds 253 characters, labels are removed from the left until it fits (RFC 7208 7.3).</source>
        <translation>展開されたドメイン名が 253 文字を超える場合、収まるまで左からラベルを削除します（RFC 7208 7.3）。</translation>
    </message>
    <message>
        <source>find a validated domain name for %1</source>
        <translation>%1 の検証済みドメイン名を探す</translation>
    </message>
    <message>
        <source>Reverse lookup, then a forward lookup of each name (at most 10); a name is validated when it resolves back to the client address (RFC 7208 5.5).</source>
        <translation>逆引きを行い、次に各名前（最大 10 個）を正引きします。名前がクライアントアドレスに解決し戻されれば、その名前は検証済みです（RFC 7208 5.5）。</translation>
    </message>
    <message>
        <source>%1 PTR names: only the first 10 are used</source>
        <translation>PTR 名が %1 個あります: 最初の 10 個だけを使います</translation>
    </message>
    <message>
        <source>validated names</source>
        <translation>検証済みの名前</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>time budget used up</source>
        <translation>制限時間を使い切りました</translation>
    </message>
    <message>
        <source>the %1 lookup for %2 failed (%3)</source>
        <translation>%2 の %1 参照に失敗しました（%3）</translation>
    </message>
    <message>
        <source>%1 has no %2 record</source>
        <translation>%1 には %2 レコードがありません</translation>
    </message>
    <message>
        <source>%1 is within %2/%3 (%4 of %5)</source>
        <translation>%1 は %2/%3 の範囲内です（%5 個中 %4 個目）</translation>
    </message>
    <message>
        <source>none of the %1 addresses of %2 matches %3 with prefix /%4</source>
        <translation>%2 の %1 個のアドレスのいずれも、プレフィックス /%4 で %3 に一致しません</translation>
    </message>
    <message>
        <source>more than %1 DNS-querying terms</source>
        <translation>DNS を参照する項が %1 個を超えました</translation>
    </message>
    <message>
        <source>DNS lookup limit exceeded (%1)</source>
        <translation>DNS 参照の上限を超えました（%1）</translation>
    </message>
    <message>
        <source>RFC 7208 4.6.4: include, a, mx, ptr, exists and redirect may be used at most 10 times in one evaluation, includes counted; beyond that the result is permerror.</source>
        <translation>RFC 7208 4.6.4: include、a、mx、ptr、exists、redirect は 1 回の評価で合計 10 回まで（include 先も含めて数える）しか使えず、超えると結果は permerror になります。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid domain name (%2): treated as a name that does not exist, no query is sent</source>
        <translation>&quot;%1&quot; は有効なドメイン名ではありません（%2）: 存在しない名前として扱い、問い合わせは送りません</translation>
    </message>
    <message>
        <source>&quot;all&quot; always matches</source>
        <translation>&quot;all&quot; は常に一致します</translation>
    </message>
    <message>
        <source>the client is IPv4: ip6 never matches it</source>
        <translation>クライアントは IPv4 です: ip6 は一致しません</translation>
    </message>
    <message>
        <source>the client is IPv6: ip4 never matches it</source>
        <translation>クライアントは IPv6 です: ip4 は一致しません</translation>
    </message>
    <message>
        <source>%1 is within %2/%3</source>
        <translation>%1 は %2/%3 の範囲内です</translation>
    </message>
    <message>
        <source>%1 is not within %2/%3</source>
        <translation>%1 は %2/%3 の範囲外です</translation>
    </message>
    <message>
        <source>target</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>the A lookup for %1 failed</source>
        <translation>%1 の A 参照に失敗しました</translation>
    </message>
    <message>
        <source>%1 has no A record</source>
        <translation>%1 には A レコードがありません</translation>
    </message>
    <message>
        <source>%1 has an A record</source>
        <translation>%1 には A レコードがあります</translation>
    </message>
    <message>
        <source>the MX lookup for %1 failed</source>
        <translation>%1 の MX 参照に失敗しました</translation>
    </message>
    <message>
        <source>%1 has no MX record</source>
        <translation>%1 には MX レコードがありません</translation>
    </message>
    <message>
        <source>MX names</source>
        <translation>MX 名</translation>
    </message>
    <message>
        <source>%1 has %2 MX records: more than 10</source>
        <translation>%1 には MX レコードが %2 個あります: 10 個を超えています</translation>
    </message>
    <message>
        <source>MX limit exceeded (%1)</source>
        <translation>MX の上限を超えました（%1）</translation>
    </message>
    <message>
        <source>RFC 7208 4.6.4: the evaluation of an mx mechanism must not look up more than 10 address records; if it would, the result is permerror.</source>
        <translation>RFC 7208 4.6.4: mx メカニズムの評価で参照するアドレスレコードは 10 個を超えてはならず、超える場合の結果は permerror です。</translation>
    </message>
    <message>
        <source>MX %1 &quot;.&quot; (null MX): no host to look up</source>
        <translation>MX %1 &quot;.&quot;（null MX）: 参照するホストがありません</translation>
    </message>
    <message>
        <source>no address of the %1 MX hosts of %2 matches %3</source>
        <translation>%2 の %1 個の MX ホストのアドレスのいずれも %3 に一致しません</translation>
    </message>
    <message>
        <source>the PTR lookup failed: ptr does not match (RFC 7208 5.5)</source>
        <translation>PTR 参照に失敗しました: ptr は一致しません（RFC 7208 5.5）</translation>
    </message>
    <message>
        <source>%1 has no PTR record</source>
        <translation>%1 には PTR レコードがありません</translation>
    </message>
    <message>
        <source>PTR names</source>
        <translation>PTR 名</translation>
    </message>
    <message>
        <source>RFC 7208 4.6.4: PTR records beyond the first 10 must be ignored.</source>
        <translation>RFC 7208 4.6.4: 最初の 10 個を超える PTR レコードは無視しなければなりません。</translation>
    </message>
    <message>
        <source>%1 is not %2 or below it: not validated</source>
        <translation>%1 は %2 でもそのサブドメインでもありません: 未検証</translation>
    </message>
    <message>
        <source>%1 resolves back to %2 and is %3 or below it (validated name)</source>
        <translation>%1 は %2 に解決し戻され、%3 またはそのサブドメインです（検証済みの名前）</translation>
    </message>
    <message>
        <source>no validated PTR name of %1 is %2 or below it</source>
        <translation>%1 の検証済み PTR 名に、%2 またはそのサブドメインであるものはありません</translation>
    </message>
    <message>
        <source>the included policy of %1 gives pass</source>
        <translation>%1 の include 先ポリシーの結果は pass です</translation>
    </message>
    <message>
        <source>the included policy of %1 gives %2: no match</source>
        <translation>%1 の include 先ポリシーの結果は %2 です: 一致しません</translation>
    </message>
    <message>
        <source>the included policy of %1 gives temperror: %2</source>
        <translation>%1 の include 先ポリシーの結果は temperror です: %2</translation>
    </message>
    <message>
        <source>%1 has no SPF record: an include of it is a permerror (RFC 7208 5.2)</source>
        <translation>%1 には SPF レコードがありません: これを include すると permerror になります（RFC 7208 5.2）</translation>
    </message>
    <message>
        <source>the included policy of %1 gives permerror: %2</source>
        <translation>%1 の include 先ポリシーの結果は permerror です: %2</translation>
    </message>
    <message>
        <source>explanation from %1</source>
        <translation>%1 からの説明</translation>
    </message>
    <message>
        <source>On fail, the exp= modifier names a TXT record whose text, after macro expansion, tells the sender why (RFC 7208 6.2). Any problem fetching or expanding it means no explanation; the result is unchanged. This lookup is not counted.</source>
        <translation>fail の場合、exp= 修飾子は TXT レコードを指定し、そのテキストをマクロ展開したものが送信者に理由を伝えます（RFC 7208 6.2）。取得や展開に問題があれば説明はなしとなり、結果は変わりません。この参照は回数に数えません。</translation>
    </message>
    <message>
        <source>exp= ignored: %1</source>
        <translation>exp= を無視しました: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid domain name (%2)</source>
        <translation>&quot;%1&quot; は有効なドメイン名ではありません（%2）</translation>
    </message>
    <message>
        <source>the TXT lookup for %1 failed</source>
        <translation>%1 の TXT 参照に失敗しました</translation>
    </message>
    <message>
        <source>%1 has no TXT record</source>
        <translation>%1 には TXT レコードがありません</translation>
    </message>
    <message>
        <source>%1 has %2 TXT records; exactly one is required</source>
        <translation>%1 には TXT レコードが %2 個あります。ちょうど 1 個である必要があります</translation>
    </message>
    <message>
        <source>SPF explanation (%1)</source>
        <translation>SPF の説明（%1）</translation>
    </message>
    <message>
        <source>non-ASCII byte at offset %1</source>
        <translation>オフセット %1 に非 ASCII バイトがあります</translation>
    </message>
    <message>
        <source>the explanation text is not US-ASCII</source>
        <translation>説明テキストが US-ASCII ではありません</translation>
    </message>
    <message>
        <source>the explanation text has a macro syntax error</source>
        <translation>説明テキストにマクロの構文エラーがあります</translation>
    </message>
    <message>
        <source>explanation: &quot;%1&quot;</source>
        <translation>説明: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>include</source>
        <translation>include</translation>
    </message>
    <message>
        <source>redirect</source>
        <translation>redirect</translation>
    </message>
    <message>
        <source>check_host(%1, %2, %3)</source>
        <translation>check_host(%1, %2, %3)</translation>
    </message>
    <message>
        <source>domain</source>
        <translation>ドメイン</translation>
    </message>
    <message>
        <source>reached by</source>
        <translation>到達経路</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>深さ</translation>
    </message>
    <message>
        <source>include/redirect nesting too deep</source>
        <translation>include/redirect の入れ子が深すぎます</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is an address literal, not a domain name</source>
        <translation>&quot;%1&quot; はアドレスリテラルであり、ドメイン名ではありません</translation>
    </message>
    <message>
        <source>RFC 7208 4.3: check_host() returns none for a domain that is not a valid multi-label domain name.</source>
        <translation>RFC 7208 4.3: 有効な複数ラベルのドメイン名でないドメインに対して、check_host() は none を返します。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid domain name: %2</source>
        <translation>&quot;%1&quot; は有効なドメイン名ではありません: %2</translation>
    </message>
    <message>
        <source>RFC 7208 4.3: a malformed domain (label over 63 characters, empty label, ...) gives none without any DNS query.</source>
        <translation>RFC 7208 4.3: 不正な形式のドメイン（63 文字を超えるラベル、空のラベルなど）は、DNS に問い合わせることなく none になります。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a fully qualified (multi-label) domain name</source>
        <translation>&quot;%1&quot; は完全修飾（複数ラベル）のドメイン名ではありません</translation>
    </message>
    <message>
        <source>RFC 7208 4.3: a single-label name gives none.</source>
        <translation>RFC 7208 4.3: 単一ラベルの名前は none になります。</translation>
    </message>
    <message>
        <source>%1 does not exist (NXDOMAIN)</source>
        <translation>%1 は存在しません（NXDOMAIN）</translation>
    </message>
    <message>
        <source>RFC 7208 4.3: a name that does not exist has no SPF policy: none.</source>
        <translation>RFC 7208 4.3: 存在しない名前には SPF ポリシーがありません: none。</translation>
    </message>
    <message>
        <source>the TXT lookup for %1 failed (%2)</source>
        <translation>%1 の TXT 参照に失敗しました（%2）</translation>
    </message>
    <message>
        <source>RFC 7208 4.4: a DNS error other than NXDOMAIN while fetching the record gives temperror.</source>
        <translation>RFC 7208 4.4: レコードの取得中に NXDOMAIN 以外の DNS エラーが起きると temperror になります。</translation>
    </message>
    <message>
        <source>%1 other TXT record(s) ignored (not &quot;v=spf1&quot;)</source>
        <translation>ほかの TXT レコード %1 個を無視しました（&quot;v=spf1&quot; ではありません）</translation>
    </message>
    <message>
        <source>SPF record of %1</source>
        <translation>%1 の SPF レコード</translation>
    </message>
    <message>
        <source>%1 publishes no SPF record</source>
        <translation>%1 は SPF レコードを公開していません</translation>
    </message>
    <message>
        <source>RFC 7208 4.5: no TXT record begins with &quot;v=spf1&quot;: the result is none.</source>
        <translation>RFC 7208 4.5: &quot;v=spf1&quot; で始まる TXT レコードがありません: 結果は none です。</translation>
    </message>
    <message>
        <source>record %1 of %2: %3</source>
        <translation>レコード %1/%2: %3</translation>
    </message>
    <message>
        <source>%1 publishes %2 SPF records; exactly one is allowed</source>
        <translation>%1 は SPF レコードを %2 個公開しています。許されるのは 1 個だけです</translation>
    </message>
    <message>
        <source>RFC 7208 4.5: more than one record beginning with &quot;v=spf1&quot; is a permerror.</source>
        <translation>RFC 7208 4.5: &quot;v=spf1&quot; で始まるレコードが複数あると permerror です。</translation>
    </message>
    <message>
        <source>record: %1</source>
        <translation>レコード: %1</translation>
    </message>
    <message>
        <source>The SPF record as fetched (the TXT strings joined without spaces, RFC 7208 3.3). Each term is highlighted as it is evaluated.</source>
        <translation>取得したままの SPF レコード（TXT 文字列を空白なしで連結したもの、RFC 7208 3.3）。各項は評価される際に強調表示されます。</translation>
    </message>
    <message>
        <source>length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <source>terms</source>
        <translation>項</translation>
    </message>
    <message>
        <source>A syntax error anywhere in the record makes it unusable: the result is permerror, nothing in the record is evaluated (RFC 7208 4.6).</source>
        <translation>レコード内のどこかに構文エラーがあると、そのレコードは使用できません。結果は permerror となり、レコード内の何も評価されません（RFC 7208 4.6）。</translation>
    </message>
    <message>
        <source>syntax error in the record of %1: %2</source>
        <translation>%1 のレコードに構文エラーがあります: %2</translation>
    </message>
    <message>
        <source>%1: not evaluated (an earlier term matched)</source>
        <translation>%1: 評価されていません（それより前の項目が一致しました）</translation>
    </message>
    <message>
        <source>mechanism</source>
        <translation>メカニズム</translation>
    </message>
    <message>
        <source>qualifier</source>
        <translation>修飾子</translation>
    </message>
    <message>
        <source>%1: match → %2</source>
        <translation>%1: 一致 → %2</translation>
    </message>
    <message>
        <source>%1 matched in the record of %2: %3</source>
        <translation>%2 のレコードで %1 が一致しました: %3</translation>
    </message>
    <message>
        <source>%1: no match</source>
        <translation>%1: 一致なし</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: not evaluated (evaluation stopped)</source>
        <translation>%1: 評価されていません（評価は停止しました）</translation>
    </message>
    <message>
        <source>%1 in the record of %2: %3</source>
        <translation>%2 のレコードの %1: %3</translation>
    </message>
    <message>
        <source>%1: no mechanism matched, the policy of another domain is used</source>
        <translation>%1: どのメカニズムも一致しなかったため、別のドメインのポリシーを使用します</translation>
    </message>
    <message>
        <source>RFC 7208 6.1: redirect= replaces this record&apos;s result by the target&apos;s; a target without an SPF record is a permerror. The target&apos;s exp= is used, this record&apos;s is not.</source>
        <translation>RFC 7208 6.1: redirect= はこのレコードの結果をリダイレクト先の結果で置き換えます。リダイレクト先に SPF レコードがなければ permerror です。使用されるのはリダイレクト先の exp= で、このレコードの exp= は使用されません。</translation>
    </message>
    <message>
        <source>redirect target %1 has no SPF record (RFC 7208 6.1)</source>
        <translation>リダイレクト先 %1 に SPF レコードがありません（RFC 7208 6.1）</translation>
    </message>
    <message>
        <source>via redirect to %1: %2</source>
        <translation>%1 へのリダイレクト経由: %2</translation>
    </message>
    <message>
        <source>no term of the record of %1 matched: default result neutral</source>
        <translation>%1 のレコードのどの項目も一致しませんでした: 既定の結果は neutral</translation>
    </message>
    <message>
        <source>RFC 7208 4.7: when no mechanism matches and there is no redirect=, the result is neutral.</source>
        <translation>RFC 7208 4.7: どのメカニズムも一致せず redirect= もない場合、結果は neutral です。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be asked (%2): treated as a name that does not exist</source>
        <translation>&quot;%1&quot; を問い合わせできません（%2）: 存在しない名前として扱います</translation>
    </message>
</context>
<context>
    <name>ms::tls</name>
    <message>
        <source>malformed TLSA record</source>
        <translation>TLSA レコードの形式が不正です</translation>
    </message>
    <message>
        <source>usage %1 (PKIX-%2) is not used for SMTP (RFC 7672 3.1.3)</source>
        <translation>用途 %1（PKIX-%2）は SMTP では使用されません（RFC 7672 3.1.3）</translation>
    </message>
    <message>
        <source>unknown selector %1 or matching type %2 (RFC 6698 2.1.2, 2.1.3)</source>
        <translation>不明なセレクター %1 またはマッチングタイプ %2（RFC 6698 2.1.2、2.1.3）</translation>
    </message>
    <message>
        <source>DANE-EE: the server&apos;s own %1 matches</source>
        <translation>DANE-EE: サーバー自身の%1が一致します</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>証明書</translation>
    </message>
    <message>
        <source>public key</source>
        <translation>公開鍵</translation>
    </message>
    <message>
        <source>DANE-EE: the server&apos;s %1 does not match</source>
        <translation>DANE-EE: サーバーの%1が一致しません</translation>
    </message>
    <message>
        <source>DANE-TA: issuer #%1 (%2) matches</source>
        <translation>DANE-TA: 発行者 #%1（%2）が一致します</translation>
    </message>
    <message>
        <source>DANE-TA: no issuer certificate the server sent matches</source>
        <translation>DANE-TA: サーバーが送信した発行者証明書のどれも一致しません</translation>
    </message>
    <message>
        <source>Mailscope connected to the server itself, as a sending MTA would, and did not send any mail (RFC 5321, RFC 3207).</source>
        <translation>Mailscope は送信側 MTA と同じようにサーバー自体に接続しました。メールは一切送信していません（RFC 5321、RFC 3207）。</translation>
    </message>
    <message>
        <source>Live check: no usable host given (&quot;%1&quot;)</source>
        <translation>ライブチェック: 使用可能なホストが指定されていません（&quot;%1&quot;）</translation>
    </message>
    <message>
        <source>Live check of %1 port %2</source>
        <translation>%1 ポート %2 のライブチェック</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>%1 に接続しました</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>接続できませんでした</translation>
    </message>
    <message>
        <source>Greeting: %1</source>
        <translation>グリーティング: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message numerus="yes">
        <source>SMTP transcript (%n line(s))</source>
        <translation>
            <numerusform>SMTP のやり取り（%n 行）</numerusform>
        </translation>
    </message>
    <message>
        <source>STARTTLS offered</source>
        <translation>STARTTLS が提供されています</translation>
    </message>
    <message>
        <source>STARTTLS NOT offered</source>
        <translation>STARTTLS が提供されていません</translation>
    </message>
    <message>
        <source>The EHLO reply lists STARTTLS (RFC 3207 4).</source>
        <translation>EHLO の応答に STARTTLS が含まれています（RFC 3207 4）。</translation>
    </message>
    <message>
        <source>The server&apos;s EHLO reply does not list STARTTLS: senders must deliver to it in clear text (RFC 3207 4). Capabilities: %1</source>
        <translation>サーバーの EHLO 応答に STARTTLS が含まれていません。送信者はこのサーバーへ平文で配送するしかありません（RFC 3207 4）。機能: %1</translation>
    </message>
    <message>
        <source>%1, %2 (%3 bits)</source>
        <translation>%1、%2（%3 ビット）</translation>
    </message>
    <message>
        <source>TLS handshake failed</source>
        <translation>TLS ハンドシェイクに失敗しました</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>プロトコル</translation>
    </message>
    <message>
        <source>Cipher</source>
        <translation>暗号スイート</translation>
    </message>
    <message numerus="yes">
        <source>Certificate chain trusted (%n certificate(s))</source>
        <translation>
            <numerusform>証明書チェーンは信頼されています（証明書 %n 個）</numerusform>
        </translation>
    </message>
    <message>
        <source>Certificate chain NOT valid</source>
        <translation>証明書チェーンは有効ではありません</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>サーバー: %1</translation>
    </message>
    <message>
        <source>Issuer #%1: %2</source>
        <translation>発行者 #%1: %2</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>発行者</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>有効期間の開始</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有効期間の終了</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>鍵</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>TLS certificate: %1</source>
        <translation>TLS 証明書: %1</translation>
    </message>
    <message>
        <source>The certificate names %1</source>
        <translation>証明書に %1 の名前が含まれています</translation>
    </message>
    <message>
        <source>The certificate does not name %1</source>
        <translation>証明書に %1 の名前が含まれていません</translation>
    </message>
    <message>
        <source>Names in the certificate: %1 (RFC 6125 6.4).</source>
        <translation>証明書内の名前: %1（RFC 6125 6.4）。</translation>
    </message>
    <message>
        <source>TLSA records exist but the answer is not DNSSEC-validated, so DANE does not apply (RFC 7672 2.2).</source>
        <translation>TLSA レコードは存在しますが、応答が DNSSEC で検証されていないため DANE は適用されません（RFC 7672 2.2）。</translation>
    </message>
    <message>
        <source>No DANE TLSA records for %1</source>
        <translation>%1 には DANE の TLSA レコードがありません</translation>
    </message>
    <message>
        <source>TLSA records present, not usable (no DNSSEC)</source>
        <translation>TLSA レコードはありますが使用できません（DNSSEC なし）</translation>
    </message>
    <message numerus="yes">
        <source>DANE: the server&apos;s certificate matches %n TLSA record(s)</source>
        <translation>
            <numerusform>DANE: サーバーの証明書が %n 件の TLSA レコードに一致します</numerusform>
        </translation>
    </message>
    <message>
        <source>With DANE-EE, expiry and names do not matter; the key does (RFC 7672 3.1.1).</source>
        <translation>DANE-EE では有効期限や名前は問題になりません。重要なのは鍵です（RFC 7672 3.1.1）。</translation>
    </message>
    <message>
        <source>DANE: NO TLSA record matches the server&apos;s certificate</source>
        <translation>DANE: サーバーの証明書に一致する TLSA レコードがありません</translation>
    </message>
    <message>
        <source>A DANE-aware sender would refuse to deliver (RFC 7672 2.2).</source>
        <translation>DANE に対応した送信者は配送を拒否します（RFC 7672 2.2）。</translation>
    </message>
    <message>
        <source>The certificate meets MTA-STS requirements</source>
        <translation>証明書は MTA-STS の要件を満たしています</translation>
    </message>
    <message>
        <source>The certificate does NOT meet MTA-STS requirements</source>
        <translation>証明書は MTA-STS の要件を満たしていません</translation>
    </message>
    <message>
        <source>MTA-STS senders require a chain to a trusted root and the MX name in the certificate (RFC 8461 4.1); whether the policy lists this MX needs the policy file.</source>
        <translation>MTA-STS の送信者は、信頼されたルートまでのチェーンと、証明書内の MX 名を要求します（RFC 8461 4.1）。ポリシーにこの MX が記載されているかどうかを確かめるにはポリシーファイルが必要です。</translation>
    </message>
    <message>
        <source>LMTP (local delivery)</source>
        <translation>LMTP（ローカル配送）</translation>
    </message>
    <message>
        <source>SMTP without extensions</source>
        <translation>拡張なしの SMTP</translation>
    </message>
    <message>
        <source>Extended SMTP</source>
        <translation>拡張 SMTP</translation>
    </message>
    <message>
        <source>, with STARTTLS</source>
        <translation>、STARTTLS あり</translation>
    </message>
    <message>
        <source>, no TLS</source>
        <translation>、TLS なし</translation>
    </message>
    <message>
        <source>, authenticated (SMTP AUTH)</source>
        <translation>、認証済み（SMTP AUTH）</translation>
    </message>
    <message>
        <source>, internationalized (SMTPUTF8)</source>
        <translation>、国際化対応（SMTPUTF8）</translation>
    </message>
    <message>
        <source>submitted over HTTPS (webmail/API)</source>
        <translation>HTTPS 経由で投稿（Web メール/API）</translation>
    </message>
    <message>
        <source>submitted over plain HTTP</source>
        <translation>暗号化されていない HTTP 経由で投稿</translation>
    </message>
    <message>
        <source>Exchange/Microsoft 365 transport; TLS is in the version= clause</source>
        <translation>Exchange/Microsoft 365 の転送。TLS は version= 句にあります</translation>
    </message>
    <message>
        <source>local hand-off (%1), not a network hop</source>
        <translation>ローカルでの受け渡し（%1）。ネットワーク上のホップではありません</translation>
    </message>
    <message>
        <source>unregistered protocol name %1</source>
        <translation>登録されていないプロトコル名 %1</translation>
    </message>
    <message>
        <source>Hop #%1: %2 → %3</source>
        <translation>ホップ #%1: %2 → %3</translation>
    </message>
    <message>
        <source>(local)</source>
        <translation>（ローカル）</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>（名前なし）</translation>
    </message>
    <message>
        <source>the client address %1 is private or loopback</source>
        <translation>クライアントアドレス %1 はプライベートまたはループバックです</translation>
    </message>
    <message>
        <source>the client is localhost</source>
        <translation>クライアントは localhost です</translation>
    </message>
    <message>
        <source>no client recorded: a local hand-off</source>
        <translation>クライアントの記録なし: ローカルでの受け渡しです</translation>
    </message>
    <message>
        <source>client and receiver are both in %1</source>
        <translation>クライアントと受信側はどちらも %1 内にあります</translation>
    </message>
    <message>
        <source>client (by reverse DNS) and receiver are both in %1</source>
        <translation>クライアント（逆引き DNS による）と受信側はどちらも %1 内にあります</translation>
    </message>
    <message>
        <source>the client %1 is on the Internet</source>
        <translation>クライアント %1 はインターネット上にあります</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>What the domain publishes about receiving mail over TLS.</source>
        <translation>ドメインが TLS によるメール受信について公開している内容。</translation>
    </message>
    <message>
        <source>MTA-STS announced (id=%1)</source>
        <translation>MTA-STS が告知されています（id=%1）</translation>
    </message>
    <message>
        <source>Senders that support MTA-STS fetch the policy from https://mta-sts.%1/.well-known/mta-sts.txt and, in enforce mode, deliver only over authenticated TLS (RFC 8461 3.2, 5).</source>
        <translation>MTA-STS に対応した送信者は https://mta-sts.%1/.well-known/mta-sts.txt からポリシーを取得し、enforce モードでは認証された TLS でのみ配送します（RFC 8461 3.2、5）。</translation>
    </message>
    <message numerus="yes">
        <source>%n MTA-STS records: none is used</source>
        <translation>
            <numerusform>MTA-STS レコードが %n 件: どれも使用されません</numerusform>
        </translation>
    </message>
    <message>
        <source>More than one v=STSv1 TXT record means no policy (RFC 8461 3.1).</source>
        <translation>v=STSv1 の TXT レコードが複数あると、ポリシーなしとみなされます（RFC 8461 3.1）。</translation>
    </message>
    <message>
        <source>MTA-STS lookup failed</source>
        <translation>MTA-STS の参照に失敗しました</translation>
    </message>
    <message>
        <source>No MTA-STS</source>
        <translation>MTA-STS なし</translation>
    </message>
    <message>
        <source>No _mta-sts TXT record: senders fall back to opportunistic TLS.</source>
        <translation>_mta-sts の TXT レコードがありません。送信者は日和見 TLS にフォールバックします。</translation>
    </message>
    <message>
        <source>Policy file not fetched</source>
        <translation>ポリシーファイルは取得していません</translation>
    </message>
    <message>
        <source>Fetching https://mta-sts.%1/.well-known/mta-sts.txt is off unless you ask for it.</source>
        <translation>https://mta-sts.%1/.well-known/mta-sts.txt の取得は、指定しない限り行いません。</translation>
    </message>
    <message>
        <source>TLS reporting to %1</source>
        <translation>%1 への TLS レポート</translation>
    </message>
    <message>
        <source>Senders report TLS failures when delivering to this domain (RFC 8460 3).</source>
        <translation>このドメインへの配送時に、送信者は TLS の失敗を報告します（RFC 8460 3）。</translation>
    </message>
    <message numerus="yes">
        <source>%n TLS-RPT records: none is used</source>
        <translation>
            <numerusform>TLS-RPT レコードが %n 件: どれも使用されません</numerusform>
        </translation>
    </message>
    <message>
        <source>TLS-RPT lookup failed</source>
        <translation>TLS-RPT の参照に失敗しました</translation>
    </message>
    <message>
        <source>No TLS-RPT</source>
        <translation>TLS-RPT なし</translation>
    </message>
    <message>
        <source>No MX: mail goes to %1 itself (RFC 5321 5.1)</source>
        <translation>MX なし: メールは %1 自体に送られます（RFC 5321 5.1）</translation>
    </message>
    <message numerus="yes">
        <source>%n MX host(s)</source>
        <translation>
            <numerusform>MX ホスト %n 台</numerusform>
        </translation>
    </message>
    <message>
        <source>MX answer DNSSEC-validated</source>
        <translation>MX の応答は DNSSEC で検証済み</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message numerus="yes">
        <source>%1: DANE TLSA (%n record(s), DNSSEC-validated)</source>
        <translation>
            <numerusform>%1: DANE TLSA（%n 件のレコード、DNSSEC で検証済み）</numerusform>
        </translation>
    </message>
    <message>
        <source>Senders that validate DNSSEC must use TLS and accept only a certificate that matches these records (RFC 7672 2.2).</source>
        <translation>DNSSEC を検証する送信者は TLS を使用しなければならず、これらのレコードに一致する証明書のみを受け入れます（RFC 7672 2.2）。</translation>
    </message>
    <message>
        <source>%1: TLSA records, but not DNSSEC-validated</source>
        <translation>%1: TLSA レコードはありますが、DNSSEC で検証されていません</translation>
    </message>
    <message>
        <source>DANE needs the MX and TLSA answers to be validated (AD flag); without it senders ignore the records (RFC 7672 2.2, 2.2.1). The resolver in use did not set AD%1.</source>
        <translation>DANE では MX と TLSA の応答が検証済み（AD フラグ）である必要があります。そうでなければ送信者はレコードを無視します（RFC 7672 2.2、2.2.1）。使用中のリゾルバーは AD を設定しませんでした%1。</translation>
    </message>
    <message>
        <source> (not even for the MX)</source>
        <translation> （MX に対してさえ）</translation>
    </message>
    <message>
        <source>%1: TLSA lookup failed</source>
        <translation>%1: TLSA の参照に失敗しました</translation>
    </message>
    <message>
        <source>%1: no DANE</source>
        <translation>%1: DANE なし</translation>
    </message>
    <message>
        <source>AD flag</source>
        <translation>AD フラグ</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>How the message travelled: TLS per hop as the receiving servers recorded it, and what the domains publish about TLS.</source>
        <translation>メッセージがどのように運ばれたか: 受信サーバーが記録したホップごとの TLS と、各ドメインが TLS について公開している内容。</translation>
    </message>
    <message>
        <source>Newest hop first. Each receiving server wrote one Received field; the protocol name says whether STARTTLS was used (RFC 3848).</source>
        <translation>新しいホップから順に表示します。受信サーバーはそれぞれ Received フィールドを 1 つ書き込みました。プロトコル名から STARTTLS が使われたかどうかがわかります（RFC 3848）。</translation>
    </message>
    <message>
        <source>%1: TLS%2</source>
        <translation>%1: TLS%2</translation>
    </message>
    <message>
        <source>%1: transport not recorded</source>
        <translation>%1: 転送方式の記録なし</translation>
    </message>
    <message>
        <source>%1: no TLS (internal hop)</source>
        <translation>%1: TLS なし（内部ホップ）</translation>
    </message>
    <message>
        <source>%1: NOT encrypted</source>
        <translation>%1: 暗号化されていません</translation>
    </message>
    <message>
        <source>The receiving server recorded an encrypted connection.</source>
        <translation>受信サーバーは暗号化された接続を記録しました。</translation>
    </message>
    <message>
        <source>The receiving server recorded no TLS for this hop: the message crossed it in clear text.</source>
        <translation>受信サーバーはこのホップで TLS を記録していません。メッセージはこの区間を平文で通過しました。</translation>
    </message>
    <message>
        <source>This Received field does not say which protocol was used.</source>
        <translation>この Received フィールドには、どのプロトコルが使われたかが記載されていません。</translation>
    </message>
    <message>
        <source>with</source>
        <translation>with</translation>
    </message>
    <message>
        <source>TLS version</source>
        <translation>TLS バージョン</translation>
    </message>
    <message>
        <source>Hop</source>
        <translation>ホップ</translation>
    </message>
    <message>
        <source>internal: %1</source>
        <translation>内部: %1</translation>
    </message>
    <message>
        <source>Internet-facing: %1</source>
        <translation>インターネット側: %1</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>TLS clause</source>
        <translation>TLS 句</translation>
    </message>
    <message>
        <source>Where the server wrote the TLS version and cipher.</source>
        <translation>サーバーが TLS バージョンと暗号スイートを書き込んだ箇所。</translation>
    </message>
    <message>
        <source>%1 is deprecated</source>
        <translation>%1 は非推奨です</translation>
    </message>
    <message>
        <source>TLS 1.0 and 1.1 are deprecated (RFC 8996).</source>
        <translation>TLS 1.0 と 1.1 は非推奨です（RFC 8996）。</translation>
    </message>
    <message numerus="yes">
        <source>%n hop(s), %1 with TLS</source>
        <translation>
            <numerusform>%n ホップ中 %1 ホップで TLS</numerusform>
        </translation>
    </message>
    <message>
        <source>sender</source>
        <translation>送信者</translation>
    </message>
    <message>
        <source>recipient</source>
        <translation>受信者</translation>
    </message>
    <message numerus="yes">
        <source>MTA-STS, TLS-RPT and DANE of %n domain(s)</source>
        <translation>
            <numerusform>%n ドメインの MTA-STS、TLS-RPT、DANE</numerusform>
        </translation>
    </message>
    <message>
        <source>Published policies that make senders insist on TLS.</source>
        <translation>送信者に TLS を必須とさせる公開ポリシー。</translation>
    </message>
    <message>
        <source>none: the message has no Received fields to tell how it travelled</source>
        <translation>none: メッセージに Received フィールドがないため、どのように運ばれたかわかりません</translation>
    </message>
    <message numerus="yes">
        <source>fail: %1 was not encrypted (%n of %2 hops used TLS)</source>
        <translation>
            <numerusform>fail: %1 は暗号化されていません（%2 ホップ中 %n ホップで TLS を使用）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>pass: every Internet-facing hop used TLS (%n of %1 hops)</source>
        <translation>
            <numerusform>pass: インターネットに面したすべてのホップで TLS を使用しました（%1 ホップ中 %n ホップ）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>none: the Received fields do not record TLS (%n hop(s))</source>
        <translation>
            <numerusform>none: Received フィールドに TLS の記録がありません（%n ホップ）</numerusform>
        </translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation>TLS: %1</translation>
    </message>
    <message>
        <source>more than %1 lines</source>
        <translation>%1 行を超えています</translation>
    </message>
    <message>
        <source>line %1 is not &quot;key: value&quot;: %2</source>
        <translation>%1 行目が &quot;key: value&quot; の形ではありません: %2</translation>
    </message>
    <message>
        <source>a second %1 field is ignored</source>
        <translation>2 つ目の %1 フィールドは無視されます</translation>
    </message>
    <message>
        <source>version is &quot;%1&quot;, not STSv1</source>
        <translation>version が STSv1 ではなく &quot;%1&quot; です</translation>
    </message>
    <message>
        <source>mode is &quot;%1&quot;, not enforce, testing or none</source>
        <translation>mode が enforce、testing、none のいずれでもなく &quot;%1&quot; です</translation>
    </message>
    <message>
        <source>max_age &quot;%1&quot; is not a number of seconds</source>
        <translation>max_age &quot;%1&quot; は秒数ではありません</translation>
    </message>
    <message>
        <source>max_age %1 is more than the allowed %2 seconds</source>
        <translation>max_age %1 は上限の %2 秒を超えています</translation>
    </message>
    <message>
        <source>mx &quot;%1&quot; is not a host name or *.domain</source>
        <translation>mx &quot;%1&quot; はホスト名でも *.ドメイン の形でもありません</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot; is ignored</source>
        <translation>未知のフィールド &quot;%1&quot; は無視されます</translation>
    </message>
    <message>
        <source>the version field is missing</source>
        <translation>version フィールドがありません</translation>
    </message>
    <message>
        <source>the mode field is missing</source>
        <translation>mode フィールドがありません</translation>
    </message>
    <message>
        <source>the max_age field is missing</source>
        <translation>max_age フィールドがありません</translation>
    </message>
    <message>
        <source>no mx field: every mode but none needs at least one</source>
        <translation>mx フィールドがありません: none 以外のモードでは少なくとも 1 つ必要です</translation>
    </message>
    <message>
        <source>Mailscope fetched the policy as a sending MTA would: over HTTPS from the mta-sts host, with a trusted certificate for that name, no redirects, a size and time limit (RFC 8461 3.3).</source>
        <translation>Mailscope は送信側 MTA と同じ方法でポリシーを取得しました: mta-sts ホストから HTTPS で、その名前に対する信頼された証明書を確かめ、リダイレクトには従わず、サイズと時間の上限付きで（RFC 8461 3.3）。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Addresses of %1</source>
        <translation>%1 のアドレス</translation>
    </message>
    <message>
        <source>%1 has no address</source>
        <translation>%1 にはアドレスがありません</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Policy fetch cancelled</source>
        <translation>ポリシーの取得はキャンセルされました</translation>
    </message>
    <message>
        <source>Policy host %1 has no address: senders treat the domain as without MTA-STS</source>
        <translation>ポリシーホスト %1 にアドレスがありません: 送信者はこのドメインを MTA-STS なしとして扱います</translation>
    </message>
    <message>
        <source>the server sent no certificate</source>
        <translation>サーバーが証明書を送信しませんでした</translation>
    </message>
    <message>
        <source>the certificate chain is not trusted</source>
        <translation>証明書チェーンが信頼されていません</translation>
    </message>
    <message>
        <source>the certificate does not name %1</source>
        <translation>証明書に %1 の名前が含まれていません</translation>
    </message>
    <message>
        <source>TLS with %1 (%2, %3)</source>
        <translation>%1 と TLS で接続（%2、%3）</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed</source>
        <translation>%1 との TLS ハンドシェイクに失敗しました</translation>
    </message>
    <message>
        <source>Could not connect to %1</source>
        <translation>%1 に接続できませんでした</translation>
    </message>
    <message numerus="yes">
        <source>HTTP transcript (%n line(s))</source>
        <translation>
            <numerusform>HTTP のやり取り（%n 行）</numerusform>
        </translation>
    </message>
    <message>
        <source>Certificate valid for %1</source>
        <translation>%1 に対して有効な証明書です</translation>
    </message>
    <message>
        <source>Certificate of %1 has EXPIRED</source>
        <translation>%1 の証明書は有効期限が切れています</translation>
    </message>
    <message>
        <source>Certificate of %1 NOT trusted</source>
        <translation>%1 の証明書は信頼されていません</translation>
    </message>
    <message>
        <source>Certificate does NOT name %1</source>
        <translation>証明書に %1 の名前が含まれていません</translation>
    </message>
    <message>
        <source>The policy host&apos;s certificate must chain to a trusted root and name the mta-sts host (RFC 8461 3.3); otherwise the policy is not used and nothing is requested.</source>
        <translation>ポリシーホストの証明書は、信頼されたルートまでチェーンがつながり、mta-sts ホストの名前を含んでいなければなりません（RFC 8461 3.3）。そうでなければポリシーは使われず、何も要求しません。</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Name matches</source>
        <translation>名前の一致</translation>
    </message>
    <message>
        <source>Trust files not read</source>
        <translation>読めなかった信頼ファイル</translation>
    </message>
    <message>
        <source>MTA-STS host certificate: %1</source>
        <translation>MTA-STS ホストの証明書: %1</translation>
    </message>
    <message>
        <source>Policy not fetched: %1</source>
        <translation>ポリシーを取得しませんでした: %1</translation>
    </message>
    <message>
        <source>Policy host %1 could not be reached: %2</source>
        <translation>ポリシーホスト %1 に到達できませんでした: %2</translation>
    </message>
    <message>
        <source>TLS with %1 failed: %2</source>
        <translation>%1 との TLS に失敗しました: %2</translation>
    </message>
    <message>
        <source>No HTTP answer</source>
        <translation>HTTP の応答がありません</translation>
    </message>
    <message>
        <source>Content-Type</source>
        <translation>Content-Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n バイト</numerusform>
        </translation>
    </message>
    <message>
        <source>The server redirects to %1. Senders MUST NOT follow redirects for MTA-STS policies (RFC 8461 3.3), so this domain has no usable policy.</source>
        <translation>サーバーは %1 へリダイレクトしています。送信者は MTA-STS ポリシーのリダイレクトに従ってはなりません（RFC 8461 3.3）。そのため、このドメインには使えるポリシーがありません。</translation>
    </message>
    <message>
        <source>(no Location)</source>
        <translation>（Location なし）</translation>
    </message>
    <message>
        <source>Policy not fetched: HTTP %1 redirect refused</source>
        <translation>ポリシーを取得しませんでした: HTTP %1 のリダイレクトは拒否しました</translation>
    </message>
    <message>
        <source>Only 200 OK delivers a policy (RFC 8461 3.3).</source>
        <translation>ポリシーを受け取れるのは 200 OK の場合だけです（RFC 8461 3.3）。</translation>
    </message>
    <message>
        <source>Policy not fetched: HTTP %1</source>
        <translation>ポリシーを取得しませんでした: HTTP %1</translation>
    </message>
    <message>
        <source>The policy is larger than %1 KiB; Mailscope stopped reading, as senders limit the size (RFC 8461 3.3).</source>
        <translation>ポリシーが %1 KiB を超えています。送信者がサイズを制限するのと同じく、Mailscope は読み込みを中止しました（RFC 8461 3.3）。</translation>
    </message>
    <message>
        <source>Policy not used: larger than %1 KiB</source>
        <translation>ポリシーは使われません: %1 KiB を超えています</translation>
    </message>
    <message>
        <source>Policy not fetched completely: %1</source>
        <translation>ポリシーを最後まで取得できませんでした: %1</translation>
    </message>
    <message>
        <source>The policy must be served as text/plain; senders check this so that a file uploaded by somebody else is not taken for a policy (RFC 8461 3.3).</source>
        <translation>ポリシーは text/plain として提供されなければなりません。第三者がアップロードしたファイルをポリシーと取り違えないよう、送信者はこれを確認します（RFC 8461 3.3）。</translation>
    </message>
    <message>
        <source>Policy not used: Content-Type %1 is not text/plain</source>
        <translation>ポリシーは使われません: Content-Type %1 は text/plain ではありません</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>MTA-STS policy of %1</source>
        <translation>%1 の MTA-STS ポリシー</translation>
    </message>
    <message numerus="yes">
        <source>Policy: mode %1, max_age %2 s, %n mx pattern(s)</source>
        <translation>
            <numerusform>ポリシー: mode %1、max_age %2 秒、mx パターン %n 個</numerusform>
        </translation>
    </message>
    <message>
        <source>Policy is malformed: %1</source>
        <translation>ポリシーの形式が不正です: %1</translation>
    </message>
    <message>
        <source>Policy of %1 is malformed: %2</source>
        <translation>%1 のポリシーの形式が不正です: %2</translation>
    </message>
    <message>
        <source>A sender applying the policy delivers only to MX hosts that match an mx pattern; &quot;*.&quot; stands for exactly one left-most label (RFC 8461 4.1).</source>
        <translation>ポリシーを適用する送信者は、mx パターンに一致する MX ホストにだけ配送します。&quot;*.&quot; はちょうど 1 つの左端のラベルを表します（RFC 8461 4.1）。</translation>
    </message>
    <message>
        <source>%1 matches NO mx pattern</source>
        <translation>%1 はどの mx パターンにも一致しません</translation>
    </message>
    <message>
        <source>%1 matches %2</source>
        <translation>%1 は %2 に一致します</translation>
    </message>
    <message numerus="yes">
        <source>%n MX host(s) NOT covered by the policy</source>
        <translation>
            <numerusform>ポリシーの対象外の MX ホストが %n 台あります</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every MX host (%n) matches the policy</source>
        <translation>
            <numerusform>すべての MX ホスト（%n 台）がポリシーに一致します</numerusform>
        </translation>
    </message>
    <message>
        <source>Policy of %1: mode none (MTA-STS switched off)</source>
        <translation>%1 のポリシー: mode none（MTA-STS は無効）</translation>
    </message>
    <message numerus="yes">
        <source>Policy of %1 (enforce) does not cover %n MX host(s): senders enforcing it will not deliver there</source>
        <translation>
            <numerusform>%1 のポリシー（enforce）は %n 台の MX ホストを対象にしていません: ポリシーを適用する送信者はそこへ配送しません</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Policy of %1 (testing) does not cover %n MX host(s): senders report it but still deliver</source>
        <translation>
            <numerusform>%1 のポリシー（testing）は %n 台の MX ホストを対象にしていません: 送信者は報告しますが、配送は続けます</numerusform>
        </translation>
    </message>
    <message>
        <source>Policy of %1: %2, every MX covered</source>
        <translation>%1 のポリシー: %2、すべての MX が対象です</translation>
    </message>
    <message>
        <source>MTA-STS record with an invalid id (&quot;%1&quot;)</source>
        <translation>id が不正な MTA-STS レコード（&quot;%1&quot;）</translation>
    </message>
    <message>
        <source>The id must be 1 to 32 letters and digits (RFC 8461 3.1); senders ignore a record without a valid id, so the domain has no MTA-STS and no policy is fetched.</source>
        <translation>id は 1～32 文字の英字と数字でなければなりません（RFC 8461 3.1）。有効な id のないレコードは送信者に無視されるため、このドメインは MTA-STS なしとなり、ポリシーは取得しません。</translation>
    </message>
    <message>
        <source>Policy file not fetched: no valid MTA-STS record</source>
        <translation>ポリシーファイルは取得していません: 有効な MTA-STS レコードがありません</translation>
    </message>
    <message>
        <source>Senders look for the policy only when exactly one valid _mta-sts TXT record announces it (RFC 8461 3.1, 5.1).</source>
        <translation>送信者がポリシーを探すのは、有効な _mta-sts TXT レコードがちょうど 1 つでそれを告知している場合だけです（RFC 8461 3.1、5.1）。</translation>
    </message>
    <message>
        <source>%1 is an address: no DNS lookup</source>
        <translation>%1 はアドレスです: DNS 参照は行いません</translation>
    </message>
    <message>
        <source>Live check of %1 port %2: the host has no address</source>
        <translation>%1 ポート %2 のライブチェック: ホストにアドレスがありません</translation>
    </message>
    <message>
        <source>Fetched</source>
        <translation>取得日時</translation>
    </message>
    <message>
        <source>%1, for an earlier message of this run; kept for max_age %2 s (RFC 8461 3.3)</source>
        <translation>%1（この実行の先のメッセージで取得。max_age %2 秒のあいだ保持、RFC 8461 3.3）</translation>
    </message>
</context>
<context>
    <name>ms::ui::BatchChart</name>
    <message>
        <source>Verdict: %1</source>
        <translation>判定: %1</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未チェック</translation>
    </message>
    <message>
        <source>No failures.</source>
        <translation>失敗はありません。</translation>
    </message>
    <message>
        <source>Results per check</source>
        <translation>チェックごとの結果</translation>
    </message>
    <message>
        <source>Most common failure reasons</source>
        <translation>よくある失敗の理由</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 — %n message(s)</source>
        <translation>
            <numerusform>%1: %2 — %n 件のメッセージ</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
</context>
<context>
    <name>ms::ui::BatchModel</name>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>サブジェクト</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Failure reason</source>
        <translation>失敗の理由</translation>
    </message>
    <message>
        <source>Not checked.</source>
        <translation>チェックしていません。</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>読み取り不可</translation>
    </message>
    <message>
        <source>input</source>
        <translation>入力</translation>
    </message>
</context>
<context>
    <name>ms::ui::BatchWindow</name>
    <message>
        <source>Batch verify — Mailscope</source>
        <translation>一括検証 — Mailscope</translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation>フォルダーを開く(&amp;F)…</translation>
    </message>
    <message>
        <source>Verify every message in a folder and its subfolders (Maildir cur/ and new/ too).</source>
        <translation>フォルダーとそのサブフォルダーにあるすべてのメッセージを検証します（Maildir の cur/ と new/ も）。</translation>
    </message>
    <message>
        <source>Open &amp;mbox…</source>
        <translation>mbox を開く(&amp;M)…</translation>
    </message>
    <message>
        <source>Verify every message of an mbox file.</source>
        <translation>mbox ファイルのすべてのメッセージを検証します。</translation>
    </message>
    <message>
        <source>&amp;Zone files…</source>
        <translation>ゾーンファイル(&amp;Z)…</translation>
    </message>
    <message>
        <source>Answer DNS from these master files (offline), in addition to the session&apos;s.</source>
        <translation>セッションのものに加えて、これらのマスターファイルから DNS に答えます（オフライン）。</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV にエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the rows shown, in the order shown, as CSV.</source>
        <translation>表示中の行を表示順のまま CSV として保存します。</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the batch; the messages verified so far stay listed.</source>
        <translation>一括検証を中止します。それまでに検証したメッセージは一覧に残ります。</translation>
    </message>
    <message>
        <source>C&amp;heck:</source>
        <translation>チェック(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>結果(&amp;R):</translation>
    </message>
    <message>
        <source>Search file, subject, from, reason…</source>
        <translation>ファイル、件名、差出人、理由を検索…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>フィルターを解除</translation>
    </message>
    <message>
        <source>Messages of the batch</source>
        <translation>一括検証のメッセージ</translation>
    </message>
    <message>
        <source>Results per check</source>
        <translation>チェックごとの結果</translation>
    </message>
    <message>
        <source>Most common failure reasons</source>
        <translation>よくある失敗の理由</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Any result</source>
        <translation>すべての結果</translation>
    </message>
    <message>
        <source>Batch verify</source>
        <translation>一括検証</translation>
    </message>
    <message>
        <source>Verifying these messages asks live DNS (%1) about the domains in every message: the DNS operators of those domains can see that the messages are being checked.</source>
        <translation>これらのメッセージを検証すると、各メッセージのドメインについてライブ DNS（%1）に問い合わせます: それらのドメインの DNS 運用者は、メッセージが確認されていることを知ることができます。</translation>
    </message>
    <message>
        <source>system resolver</source>
        <translation>システムのリゾルバー</translation>
    </message>
    <message>
        <source>Ask live DNS</source>
        <translation>ライブ DNS に問い合わせる</translation>
    </message>
    <message>
        <source>Verify offline</source>
        <translation>オフラインで検証</translation>
    </message>
    <message>
        <source>Listing messages…</source>
        <translation>メッセージを一覧にしています…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <source>%1 of %2 messages</source>
        <translation>%2 件中 %1 件のメッセージ</translation>
    </message>
    <message>
        <source>Verifying: %1 of %2 messages…</source>
        <translation>検証中: %2 件中 %1 件のメッセージ…</translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 messages verified.</source>
        <translation>キャンセルしました: %2 件中 %1 件のメッセージを検証しました。</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n message(s) verified.</source>
        <translation>
            <numerusform>完了: %n 件のメッセージを検証しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>DNS: zone files (%n)</source>
        <translation>
            <numerusform>DNS: ゾーンファイル（%n 個）</numerusform>
        </translation>
    </message>
    <message>
        <source>DNS: offline</source>
        <translation>DNS: オフライン</translation>
    </message>
    <message>
        <source>DNS: live (%1)</source>
        <translation>DNS: ライブ（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) listed.</source>
        <translation>
            <numerusform>%n 件のメッセージを一覧にしました。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 messages shown (filtered).</source>
        <translation>%2 件中 %1 件のメッセージを表示（フィルター適用中）。</translation>
    </message>
    <message>
        <source>Open a folder, a Maildir or an mbox file to verify every message in it.</source>
        <translation>フォルダー、Maildir、または mbox ファイルを開くと、その中のすべてのメッセージを検証します。</translation>
    </message>
    <message>
        <source>Batch verify a folder</source>
        <translation>フォルダーを一括検証</translation>
    </message>
    <message>
        <source>Batch verify an mbox file</source>
        <translation>mbox ファイルを一括検証</translation>
    </message>
    <message>
        <source>Mailboxes (*.mbox *.mbx mbox);;All files (*)</source>
        <translation>メールボックス (*.mbox *.mbx mbox);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Zone files for the batch</source>
        <translation>一括検証用のゾーンファイル</translation>
    </message>
    <message>
        <source>Zone files (*.zone *.db *.txt);;All files (*)</source>
        <translation>ゾーンファイル (*.zone *.db *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV にエクスポート</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>Open message</source>
        <translation>メッセージを開く</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 を開けません: %2</translation>
    </message>
</context>
<context>
    <name>ms::ui::CompareDialog</name>
    <message>
        <source>Compare two messages</source>
        <translation>2 通のメッセージを比較</translation>
    </message>
    <message>
        <source>First message (e.g. the sent copy)</source>
        <translation>1 通目（例: 送信したもの）</translation>
    </message>
    <message>
        <source>Second message (e.g. the received copy)</source>
        <translation>2 通目（例: 受信したもの）</translation>
    </message>
    <message>
        <source>What to compare</source>
        <translation>比較する対象</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>差分</translation>
    </message>
    <message>
        <source>&amp;First (sent):</source>
        <translation>1 通目（送信）(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Second (received):</source>
        <translation>2 通目（受信）(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Compare:</source>
        <translation>比較対象(&amp;C):</translation>
    </message>
    <message>
        <source>Header fields</source>
        <translation>ヘッダーフィールド</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <source>changed fields: %1</source>
        <translation>変更されたフィールド: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) added at the end</source>
        <translation>
            <numerusform>末尾に %n 行追加</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) removed at the end</source>
        <translation>
            <numerusform>末尾から %n 行削除</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 line(s) only in the sent copy, %2 only in the received copy</source>
        <translation>送信したコピーにだけある行 %1 行、受信したコピーにだけある行 %2 行</translation>
    </message>
    <message>
        <source>%1 more lines not shown.</source>
        <translation>ほかに %1 行あります（表示していません）。</translation>
    </message>
    <message>
        <source>Comparison per DKIM signature</source>
        <translation>DKIM 署名ごとの比較</translation>
    </message>
    <message>
        <source>Comparison steps</source>
        <translation>比較のステップ</translation>
    </message>
    <message>
        <source>Summary of the changes</source>
        <translation>変更の概要</translation>
    </message>
    <message>
        <source>Whole message</source>
        <translation>メッセージ全体</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Sent copy</source>
        <translation>送信したコピー</translation>
    </message>
    <message>
        <source>Received copy</source>
        <translation>受信したコピー</translation>
    </message>
    <message>
        <source>Byte for byte the same in both copies: this part verifies in both.</source>
        <translation>両方のコピーでバイト単位で同一です: この部分はどちらでも検証に通ります。</translation>
    </message>
    <message>
        <source>Canonical header block</source>
        <translation>正規化されたヘッダーブロック</translation>
    </message>
    <message>
        <source>Canonical body</source>
        <translation>正規化された本文</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>未検証</translation>
    </message>
    <message>
        <source>Sent copy: DKIM %1
Received copy: DKIM %2</source>
        <translation>送信したコピー: DKIM %1
受信したコピー: DKIM %2</translation>
    </message>
    <message>
        <source>%1 — header: %2; body: %3. Received copy: %4</source>
        <translation>%1 — ヘッダー: %2、本文: %3。受信したコピー: %4</translation>
    </message>
    <message>
        <source>Neither copy has a DKIM signature: only the whole messages are compared.</source>
        <translation>どちらのコピーにも DKIM 署名がありません: メッセージ全体だけを比較します。</translation>
    </message>
    <message>
        <source>No DKIM signature is in both copies (the same d=, s= and b=): these are not two copies of one signed message.</source>
        <translation>両方のコピーに共通する DKIM 署名（同じ d=、s=、b=）がありません: これらは 1 つの署名済みメッセージの 2 つのコピーではありません。</translation>
    </message>
</context>
<context>
    <name>ms::ui::DetailPane</name>
    <message>
        <source>How Mailscope read the message: its header fields, body and structure.</source>
        <translation>Mailscope がメッセージをどう読んだか: ヘッダーフィールド、本文、構造。</translation>
    </message>
    <message>
        <source>SPF: is the sending server&apos;s address allowed to send mail for the envelope domain? The domain lists its servers in a DNS TXT record (RFC 7208).</source>
        <translation>SPF: 送信サーバーのアドレスはエンベロープのドメインのメールを送ることを許可されているか。ドメインは自分のサーバーを DNS の TXT レコードに列挙します（RFC 7208）。</translation>
    </message>
    <message>
        <source>DKIM: a cryptographic signature over chosen header fields and the body, made with a key the signing domain publishes in DNS (RFC 6376).</source>
        <translation>DKIM: 選ばれたヘッダーフィールドと本文に対する暗号署名。署名ドメインが DNS に公開する鍵で作られます（RFC 6376）。</translation>
    </message>
    <message>
        <source>ARC: each intermediary (mailing list, forwarder) records what it saw and seals it, so a later receiver can trust results that transit broke (RFC 8617).</source>
        <translation>ARC: 各中継者（メーリングリスト、転送者）が見た結果を記録して封印するので、後の受信者は転送中に壊れた結果を信頼できます（RFC 8617）。</translation>
    </message>
    <message>
        <source>DMARC: the domain in From must be aligned with a passing SPF or DKIM domain; the domain&apos;s policy says what to do otherwise (RFC 7489).</source>
        <translation>DMARC: From のドメインは成功した SPF または DKIM のドメインとアラインしていなければなりません。そうでない場合の扱いはドメインのポリシーが定めます（RFC 7489）。</translation>
    </message>
    <message>
        <source>S/MIME: the sender signed the content with a certificate; the signature and the certificate chain are checked (RFC 8551).</source>
        <translation>S/MIME: 送信者が証明書で内容に署名しました。署名と証明書チェーンを検査します（RFC 8551）。</translation>
    </message>
    <message>
        <source>TLS: whether each hop of the delivery path recorded an encrypted connection (Received fields, RFC 8314, RFC 8461).</source>
        <translation>TLS: 配送経路の各ホップが暗号化接続を記録したかどうか（Received フィールド、RFC 8314、RFC 8461）。</translation>
    </message>
    <message>
        <source>Authentication-Results: what the receiving servers said they found, compared with what Mailscope finds now (RFC 8601).</source>
        <translation>Authentication-Results: 受信サーバーが報告した結果と、Mailscope が今回得た結果の比較（RFC 8601）。</translation>
    </message>
    <message>
        <source>A DNS query: the name, the type asked, and what came back.</source>
        <translation>DNS 問い合わせ: 名前、問い合わせた型、返ってきた内容。</translation>
    </message>
    <message>
        <source>The verification as a whole.</source>
        <translation>検証全体。</translation>
    </message>
    <message>
        <source>Step explanation</source>
        <translation>ステップの説明</translation>
    </message>
    <message>
        <source>Facts of the selected step</source>
        <translation>選択したステップの事実</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>値をコピー</translation>
    </message>
    <message>
        <source>Select a step to see what it checked, why, and which rule applies.</source>
        <translation>ステップを選択すると、何をなぜ検査したか、どの規則が適用されるかが表示されます。</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>規則:</translation>
    </message>
    <message>
        <source>Step kind:</source>
        <translation>ステップの種類:</translation>
    </message>
</context>
<context>
    <name>ms::ui::DnsLogModel</name>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>型</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>応答</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>AD</source>
        <translation>AD</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>問い合わせ元</translation>
    </message>
</context>
<context>
    <name>ms::ui::EnvelopePanel</name>
    <message>
        <source>Client IP address</source>
        <translation>クライアント IP アドレス</translation>
    </message>
    <message>
        <source>HELO name</source>
        <translation>HELO 名</translation>
    </message>
    <message>
        <source>MAIL FROM address</source>
        <translation>MAIL FROM アドレス</translation>
    </message>
    <message>
        <source>Client &amp;IP:</source>
        <translation>クライアント IP(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;HELO:</source>
        <translation>HELO(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;MAIL FROM:</source>
        <translation>MAIL FROM(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Re-verify with this envelope</source>
        <translation>このエンベロープで再検証(&amp;R)</translation>
    </message>
    <message>
        <source>Use the &amp;guess</source>
        <translation>推定値を使う(&amp;G)</translation>
    </message>
    <message>
        <source>The envelope is not part of the message: Mailscope guesses it from the receiving server&apos;s Received field. SPF checks the client IP against the MAIL FROM (or HELO) domain.</source>
        <translation>エンベロープはメッセージの一部ではありません。Mailscope は受信サーバーの Received フィールドから推定します。SPF はクライアント IP を MAIL FROM（または HELO）のドメインと照合します。</translation>
    </message>
    <message>
        <source>not found in the message</source>
        <translation>メッセージ内に見つかりません</translation>
    </message>
    <message>
        <source>given by you</source>
        <translation>あなたが指定</translation>
    </message>
    <message>
        <source>SMTP envelope</source>
        <translation>SMTP エンベロープ</translation>
    </message>
</context>
<context>
    <name>ms::ui::MainWindow</name>
    <message>
        <source>Open evidence bundle</source>
        <translation>証拠バンドルを開く</translation>
    </message>
    <message>
        <source>Evidence bundles (*.msev *.json)</source>
        <translation>証拠バンドル (*.msev *.json)</translation>
    </message>
    <message>
        <source>Save evidence bundle</source>
        <translation>証拠バンドルを保存</translation>
    </message>
    <message>
        <source>Evidence bundles (*.msev)</source>
        <translation>証拠バンドル (*.msev)</translation>
    </message>
    <message>
        <source>About Mailscope</source>
        <translation>Mailscope について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Mailscope %1&lt;/h3&gt;&lt;p&gt;Shows step by step why an e-mail passes or fails SPF, DKIM, ARC, DMARC and S/MIME, and what TLS protected it on the way.&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Mailscope %1&lt;/h3&gt;&lt;p&gt;電子メールが SPF、DKIM、ARC、DMARC、S/MIME に成功または失敗する理由と、配送途中で TLS がどう保護したかを、ステップごとに示します。&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>検証(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Scenarios</source>
        <translation>シナリオ(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export report</source>
        <translation>レポートを書き出す(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Paste headers…</source>
        <translation>ヘッダーを貼り付け(&amp;P)…</translation>
    </message>
    <message>
        <source>Open evidence &amp;bundle…</source>
        <translation>証拠バンドルを開く(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Save evidence bundle…</source>
        <translation>証拠バンドルを保存(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;HTML…</source>
        <translation>&amp;HTML…</translation>
    </message>
    <message>
        <source>&amp;PDF…</source>
        <translation>&amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;JSON…</source>
        <translation>&amp;JSON…</translation>
    </message>
    <message>
        <source>&amp;Close message</source>
        <translation>メッセージを閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Copy &amp;step</source>
        <translation>ステップをコピー(&amp;S)</translation>
    </message>
    <message>
        <source>Copy &amp;value</source>
        <translation>値をコピー(&amp;V)</translation>
    </message>
    <message>
        <source>Copy source &amp;bytes</source>
        <translation>ソースのバイトをコピー(&amp;B)</translation>
    </message>
    <message>
        <source>Copy summary as &amp;text</source>
        <translation>要約をテキストでコピー(&amp;T)</translation>
    </message>
    <message>
        <source>Copy summary as &amp;Markdown</source>
        <translation>要約を Markdown でコピー(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Re-verify</source>
        <translation>再検証(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Offline</source>
        <translation>オフライン(&amp;O)</translation>
    </message>
    <message>
        <source>Offline: no DNS query leaves this computer</source>
        <translation>オフライン: DNS 問い合わせはこのコンピューターから出ません</translation>
    </message>
    <message>
        <source>&amp;Compare two messages…</source>
        <translation>2 通のメッセージを比較(&amp;C)…</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>設定(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Dark palette</source>
        <translation>ダークパレット(&amp;D)</translation>
    </message>
    <message>
        <source>Larger source font</source>
        <translation>ソースの文字を大きく</translation>
    </message>
    <message>
        <source>Smaller source font</source>
        <translation>ソースの文字を小さく</translation>
    </message>
    <message>
        <source>E&amp;xpand all steps</source>
        <translation>すべてのステップを展開(&amp;X)</translation>
    </message>
    <message>
        <source>Co&amp;llapse all steps</source>
        <translation>すべてのステップを折りたたむ(&amp;L)</translation>
    </message>
    <message>
        <source>Go to the step &amp;tree</source>
        <translation>ステップツリーへ移動(&amp;T)</translation>
    </message>
    <message>
        <source>Go to the &amp;source view</source>
        <translation>ソース表示へ移動(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;About Mailscope</source>
        <translation>Mailscope について(&amp;A)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>DNS log</source>
        <translation>DNS ログ</translation>
    </message>
    <message>
        <source>Envelope</source>
        <translation>エンベロープ</translation>
    </message>
    <message>
        <source>What-if DNS</source>
        <translation>仮定 DNS</translation>
    </message>
    <message>
        <source>Filter DNS queries (name, type, answer, result…)</source>
        <translation>DNS 問い合わせを絞り込む（名前、型、応答、結果…）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Verification steps</source>
        <translation>検証ステップ</translation>
    </message>
    <message>
        <source>Opened messages</source>
        <translation>開いているメッセージ</translation>
    </message>
    <message>
        <source>Filter the DNS log</source>
        <translation>DNS ログを絞り込む</translation>
    </message>
    <message>
        <source>Verdicts per check</source>
        <translation>チェックごとの判定</translation>
    </message>
    <message>
        <source>%1 — Mailscope</source>
        <translation>%1 — Mailscope</translation>
    </message>
    <message>
        <source>Mailscope</source>
        <translation>Mailscope</translation>
    </message>
    <message>
        <source>(no bundled samples found)</source>
        <translation>（同梱のサンプルが見つかりません）</translation>
    </message>
    <message>
        <source>● Live DNS on</source>
        <translation>● ライブ DNS 使用中</translation>
    </message>
    <message>
        <source>Verification sends DNS queries; the domains&apos; servers can see them.</source>
        <translation>検証は DNS 問い合わせを送信します。ドメインのサーバーはそれを見ることができます。</translation>
    </message>
    <message>
        <source>○ Offline (zone files)</source>
        <translation>○ オフライン（ゾーンファイル）</translation>
    </message>
    <message>
        <source>○ Offline (replay)</source>
        <translation>○ オフライン（再生）</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ オフライン</translation>
    </message>
    <message>
        <source>No DNS query leaves this computer.</source>
        <translation>DNS 問い合わせはこのコンピューターから出ません。</translation>
    </message>
    <message>
        <source>Open message</source>
        <translation>メッセージを開く</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 を開けません: %2</translation>
    </message>
    <message>
        <source>(verifying…)</source>
        <translation>（検証中…）</translation>
    </message>
    <message>
        <source>Open a message (File › Open, drag and drop) or paste headers.</source>
        <translation>メッセージを開く（ファイル › 開く、ドラッグ＆ドロップ）か、ヘッダーを貼り付けてください。</translation>
    </message>
    <message>
        <source>Verifying %1…</source>
        <translation>%1 を検証中…</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>判定: %1</translation>
    </message>
    <message>
        <source>(cancelled: incomplete)</source>
        <translation>（キャンセル: 不完全）</translation>
    </message>
    <message>
        <source>DNS: %1</source>
        <translation>DNS: %1</translation>
    </message>
    <message>
        <source>Messages (*.eml *.msg *.txt *.mbox *.msev);;All files (*)</source>
        <translation>メッセージ (*.eml *.msg *.txt *.mbox *.msev);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Pasted headers</source>
        <translation>貼り付けたヘッダー</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON ファイル (*.json)</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML ファイル (*.html)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>レポートを書き出す</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>レポートを %1 に書き出しました</translation>
    </message>
    <message>
        <source>Summary copied.</source>
        <translation>要約をコピーしました。</translation>
    </message>
    <message>
        <source>No verified message to save.</source>
        <translation>保存できる検証済みメッセージがありません。</translation>
    </message>
    <message>
        <source>%1 (evidence)</source>
        <translation>%1（証拠）</translation>
    </message>
    <message>
        <source>Compare two messages</source>
        <translation>2 通のメッセージを比較</translation>
    </message>
    <message>
        <source>Open two copies of a message first (for example the sent copy and the received copy).</source>
        <translation>先にメッセージを 2 通開いてください（例: 送信したものと受信したもの）。</translation>
    </message>
    <message>
        <source>&amp;Batch verify…</source>
        <translation>一括検証(&amp;B)…</translation>
    </message>
    <message>
        <source>Go to the &amp;message list</source>
        <translation>メッセージ一覧へ移動(&amp;M)</translation>
    </message>
    <message>
        <source>Go to the &amp;details</source>
        <translation>詳細へ移動(&amp;D)</translation>
    </message>
    <message>
        <source>Go to the &amp;DNS log</source>
        <translation>DNS ログへ移動(&amp;D)</translation>
    </message>
    <message>
        <source>Go to the &amp;envelope</source>
        <translation>エンベロープへ移動(&amp;E)</translation>
    </message>
    <message>
        <source>Go to &amp;what-if DNS</source>
        <translation>もしも DNS へ移動(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Next pane</source>
        <translation>次のペイン(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous pane</source>
        <translation>前のペイン(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Decrypt with PKCS#12…</source>
        <translation>PKCS#12 で復号(&amp;D)…</translation>
    </message>
    <message>
        <source>Open the encrypted part with your key (PKCS#12 file and password). Decrypted content stays in memory only.</source>
        <translation>暗号化された部分をあなたの鍵（PKCS#12 ファイルとパスワード）で開きます。復号した内容はメモリー内にだけ保持されます。</translation>
    </message>
    <message>
        <source>Verification progress</source>
        <translation>検証の進行状況</translation>
    </message>
    <message>
        <source>Cancel the verification</source>
        <translation>検証をキャンセル</translation>
    </message>
    <message>
        <source>Each step of the verification; select one to see its bytes and explanation.</source>
        <translation>検証の各ステップです。選択すると、そのバイトと説明が表示されます。</translation>
    </message>
    <message>
        <source>Messages you opened, with their verdict.</source>
        <translation>開いたメッセージとその判定です。</translation>
    </message>
    <message>
        <source>Every DNS query of the verification.</source>
        <translation>検証で行ったすべての DNS 問い合わせです。</translation>
    </message>
    <message numerus="yes">
        <source>This message is encrypted (%n part(s) not opened). Give your PKCS#12 key to decrypt it in memory and verify what is inside.</source>
        <translation>
            <numerusform>このメッセージは暗号化されています（開いていない部分が %n 個）。PKCS#12 の鍵を指定すると、メモリー内で復号して中身を検証します。</numerusform>
        </translation>
    </message>
    <message>
        <source>The key did not open it: %1</source>
        <translation>この鍵では開けませんでした: %1</translation>
    </message>
    <message>
        <source>Decrypt with PKCS#12</source>
        <translation>PKCS#12 で復号</translation>
    </message>
    <message>
        <source>PKCS#12 keys (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 鍵 (*.p12 *.pfx);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>%1 のパスワード:</translation>
    </message>
</context>
<context>
    <name>ms::ui::MboxPickerDialog</name>
    <message>
        <source>Choose a message</source>
        <translation>メッセージを選択</translation>
    </message>
    <message>
        <source>Messages in the mbox file</source>
        <translation>mbox ファイル内のメッセージ</translation>
    </message>
    <message numerus="yes">
        <source>This file holds %n messages. Which one?</source>
        <translation>
            <numerusform>このファイルには %n 通のメッセージがあります。どれにしますか？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ms::ui::MessageLexer</name>
    <message>
        <source>Default</source>
        <translation>既定</translation>
    </message>
    <message>
        <source>Header name</source>
        <translation>ヘッダー名</translation>
    </message>
    <message>
        <source>Colon</source>
        <translation>コロン</translation>
    </message>
    <message>
        <source>Header value</source>
        <translation>ヘッダー値</translation>
    </message>
    <message>
        <source>Folded continuation</source>
        <translation>折り返しの続き</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>mbox separator</source>
        <translation>mbox 区切り行</translation>
    </message>
</context>
<context>
    <name>ms::ui::PasteDialog</name>
    <message>
        <source>Paste headers</source>
        <translation>ヘッダーを貼り付け</translation>
    </message>
    <message>
        <source>Header fields</source>
        <translation>ヘッダーフィールド</translation>
    </message>
    <message>
        <source>Body (optional)</source>
        <translation>本文（任意）</translation>
    </message>
    <message>
        <source>Received: from …
DKIM-Signature: v=1; …
From: …</source>
        <translation>Received: from …
DKIM-Signature: v=1; …
From: …</translation>
    </message>
    <message>
        <source>Optional: without the body, DKIM can only say &quot;body not available&quot;.</source>
        <translation>任意: 本文がないと、DKIM は「本文がありません」としか言えません。</translation>
    </message>
    <message>
        <source>&amp;Headers, as your mail client shows them under &quot;Show original&quot;:</source>
        <translation>メールソフトの「メッセージのソースを表示」に出るヘッダー(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Body (optional):</source>
        <translation>本文（任意）(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>検証(&amp;V)</translation>
    </message>
</context>
<context>
    <name>ms::ui::PrivacyDialog</name>
    <message>
        <source>&amp;Always allow (do not ask again)</source>
        <translation>常に許可する（今後は確認しない）(&amp;A)</translation>
    </message>
    <message>
        <source>Live DNS lookups</source>
        <translation>ライブ DNS 参照</translation>
    </message>
    <message>
        <source>Verifying this message asks DNS about the names below. The sender chose these domains: their DNS servers may learn that someone is looking at the message, and when. Later answers may lead to further names (includes, redirects).</source>
        <translation>このメッセージの検証では、下の名前を DNS に問い合わせます。これらのドメインは送信者が選んだものです。その DNS サーバーは、誰かがいつこのメッセージを調べているかを知る可能性があります。応答によってはさらに別の名前（include、redirect）を問い合わせることがあります。</translation>
    </message>
    <message>
        <source>Names that will be queried</source>
        <translation>問い合わせる名前</translation>
    </message>
    <message>
        <source>(no query expected)</source>
        <translation>（問い合わせの予定なし）</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>参照する(&amp;L)</translation>
    </message>
    <message>
        <source>Verify &amp;offline</source>
        <translation>オフラインで検証(&amp;O)</translation>
    </message>
</context>
<context>
    <name>ms::ui::SettingsDialog</name>
    <message>
        <source>&amp;Offline: never send DNS queries</source>
        <translation>オフライン: DNS 問い合わせを送らない(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Always allow live lookups without showing the names first</source>
        <translation>名前を先に表示せず、常にライブ参照を許可する(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Dark palette</source>
        <translation>ダークパレット(&amp;D)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>system resolver (or host[:port])</source>
        <translation>システムのリゾルバー（または host[:port]）</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>The message&apos;s Date</source>
        <translation>メッセージの Date</translation>
    </message>
    <message>
        <source>Fixed time</source>
        <translation>固定時刻</translation>
    </message>
    <message>
        <source>DNS tree walk (RFC 9989)</source>
        <translation>DNS ツリーウォーク（RFC 9989）</translation>
    </message>
    <message>
        <source>Public Suffix List (RFC 7489)</source>
        <translation>Public Suffix List（RFC 7489）</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>DNS &amp;server:</source>
        <translation>DNS サーバー(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>タイムアウト(&amp;T):</translation>
    </message>
    <message>
        <source>DNS and privacy</source>
        <translation>DNS とプライバシー</translation>
    </message>
    <message>
        <source>&amp;Evaluation time:</source>
        <translation>評価時刻(&amp;E):</translation>
    </message>
    <message>
        <source>Fi&amp;xed time:</source>
        <translation>固定時刻(&amp;X):</translation>
    </message>
    <message>
        <source>DMARC &amp;discovery:</source>
        <translation>DMARC の探索方法(&amp;D):</translation>
    </message>
    <message>
        <source>Trusted a&amp;uthserv-ids
(one per line):</source>
        <translation>信頼する authserv-id(&amp;U)
（1 行に 1 つ）:</translation>
    </message>
    <message>
        <source>Trusted ARC &amp;sealers
(one domain per line):</source>
        <translation>信頼する ARC 封印者(&amp;S)
（1 行に 1 ドメイン）:</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>S/MIME trust certificates</source>
        <translation>S/MIME の信頼する証明書</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM 証明書 (*.pem *.crt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>S/MIME trust &amp;certificates:</source>
        <translation>S/MIME の信頼する証明書(&amp;C):</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>検証</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>Source &amp;font size:</source>
        <translation>ソースの文字サイズ(&amp;F):</translation>
    </message>
    <message>
        <source>A new language applies at once to menus and to the next verification&apos;s texts.</source>
        <translation>新しい言語はメニューにはすぐに、検証結果の文章には次回の検証から適用されます。</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外観</translation>
    </message>
    <message>
        <source>S/MIME trust certificates (PEM files)</source>
        <translation>S/MIME で信頼する証明書（PEM ファイル）</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>設定ページ</translation>
    </message>
</context>
<context>
    <name>ms::ui::SourceTabs</name>
    <message>
        <source>Source views</source>
        <translation>ソース表示</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Original file</source>
        <translation>元のファイル</translation>
    </message>
    <message>
        <source>Hex view of the message</source>
        <translation>メッセージの 16 進表示</translation>
    </message>
    <message>
        <source>DNS answers</source>
        <translation>DNS 応答</translation>
    </message>
    <message>
        <source>MIME parts</source>
        <translation>MIME パート</translation>
    </message>
    <message>
        <source>Certificates (DER)</source>
        <translation>証明書（DER）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>16 進</translation>
    </message>
</context>
<context>
    <name>ms::ui::StepTreeModel</name>
    <message>
        <source>Changed since the previous verification.</source>
        <translation>前回の検証から変わりました。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>規則</translation>
    </message>
</context>
<context>
    <name>ms::ui::VerdictBar</name>
    <message>
        <source>Receiver&apos;s results</source>
        <translation>受信側の結果</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未実行</translation>
    </message>
    <message>
        <source>This check did not run.</source>
        <translation>このチェックは実行されませんでした。</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>No message verified yet.</source>
        <translation>まだ検証したメッセージはありません。</translation>
    </message>
    <message>
        <source>No message</source>
        <translation>メッセージなし</translation>
    </message>
</context>
<context>
    <name>ms::ui::WhatIfPanel</name>
    <message>
        <source>What-if DNS records</source>
        <translation>仮定 DNS レコード</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>型</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Results that changed</source>
        <translation>変化した結果</translation>
    </message>
    <message>
        <source>&amp;Add record</source>
        <translation>レコードを追加(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>削除(&amp;M)</translation>
    </message>
    <message>
        <source>Re-&amp;verify with these records</source>
        <translation>これらのレコードで再検証(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Save drafts…</source>
        <translation>下書きを保存(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Load drafts…</source>
        <translation>下書きを読み込む(&amp;L)…</translation>
    </message>
    <message>
        <source>Save what-if records</source>
        <translation>仮定レコードを保存</translation>
    </message>
    <message>
        <source>Zone files (*.zone *.txt)</source>
        <translation>ゾーンファイル (*.zone *.txt)</translation>
    </message>
    <message>
        <source>Load what-if records</source>
        <translation>仮定レコードを読み込む</translation>
    </message>
    <message>
        <source>Zone files (*.zone *.txt);;All files (*)</source>
        <translation>ゾーンファイル (*.zone *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Add or override DNS records as if they were published, then re-verify. Nothing is sent anywhere: the records only answer this verification. Values use master-file syntax, e.g. &quot;v=spf1 ip4:192.0.2.1 -all&quot;.</source>
        <translation>公開されているものとして DNS レコードを追加または上書きし、再検証します。どこにも何も送信しません。レコードはこの検証にだけ応答します。値はマスターファイルの書式で書きます（例: &quot;v=spf1 ip4:192.0.2.1 -all&quot;）。</translation>
    </message>
    <message>
        <source>No result changed.</source>
        <translation>変化した結果はありません。</translation>
    </message>
    <message>
        <source>Changed results:</source>
        <translation>変化した結果:</translation>
    </message>
    <message>
        <source>Record type, row %1</source>
        <translation>レコード種別（%1 行目）</translation>
    </message>
    <message>
        <source>TTL in seconds, row %1</source>
        <translation>TTL（秒）（%1 行目）</translation>
    </message>
</context>
</TS>
