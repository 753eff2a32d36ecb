<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>GotifyEndpoint</name>
    <message>
        <source>caCertFile %1 holds no PEM certificate</source>
        <translation>caCertFile %1 中没有 PEM 证书</translation>
    </message>
    <message>
        <source>caCertFile %1 cannot be read</source>
        <translation>无法读取 caCertFile %1</translation>
    </message>
</context>
<context>
    <name>GotifyError</name>
    <message>
        <source>cannot reach the Gotify server: %1</source>
        <translation>无法连接 Gotify 服务器：%1</translation>
    </message>
    <message>
        <source>the Gotify server did not answer in time</source>
        <translation>Gotify 服务器未及时响应</translation>
    </message>
    <message>
        <source>the server&apos;s TLS certificate is not trusted (%1); set caCertFile for a self-signed server</source>
        <translation>服务器的 TLS 证书不受信任（%1）；自签名服务器请设置 caCertFile</translation>
    </message>
    <message>
        <source>the token was refused (HTTP 401): %1</source>
        <translation>令牌被拒绝（HTTP 401）：%1</translation>
    </message>
    <message>
        <source>not allowed (HTTP 403): %1</source>
        <translation>不允许（HTTP 403）：%1</translation>
    </message>
    <message>
        <source>this Gotify v3 server needs an elevated session for this action (HTTP 403): %1. Elevate the client in the Gotify web UI (or use basic auth) and try again</source>
        <translation>此 Gotify v3 服务器执行该操作需要提升权限的会话（HTTP 403）：%1。请在 Gotify 网页界面中提升客户端权限（或使用基本认证）后重试</translation>
    </message>
    <message>
        <source>not found (HTTP 404): %1</source>
        <translation>未找到（HTTP 404）：%1</translation>
    </message>
    <message>
        <source>the server refused the request (HTTP 400): %1</source>
        <translation>服务器拒绝了请求（HTTP 400）：%1</translation>
    </message>
    <message>
        <source>server error (HTTP %1): %2</source>
        <translation>服务器错误（HTTP %1）：%2</translation>
    </message>
    <message>
        <source>unexpected answer from the server: %1</source>
        <translation>服务器返回了意外的应答：%1</translation>
    </message>
    <message>
        <source>the server&apos;s TLS certificate is for another host name (%1); use a name it lists in the account&apos;s server URL</source>
        <translation>服务器的 TLS 证书属于另一个主机名（%1）；请在账户的服务器地址中使用证书所列的名称</translation>
    </message>
</context>
<context>
    <name>QNativeSocketEngine</name>
    <message>
        <source>The remote host closed the connection</source>
        <translation>远程主机关闭了连接</translation>
    </message>
</context>
<context>
    <name>RefreshWiring</name>
    <message>
        <source>%1 — token refresh failed: %2</source>
        <translation>%1 — 令牌刷新失败：%2</translation>
    </message>
</context>
<context>
    <name>StateLabels</name>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>waiting to retry</source>
        <translation>等待重试</translation>
    </message>
    <message>
        <source>refreshing token</source>
        <translation>正在刷新令牌</translation>
    </message>
    <message>
        <source>needs login</source>
        <translation>需要登录</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message numerus="yes">
        <source>in %n s</source>
        <translation>
            <numerusform>%n 秒后</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation>
            <numerusform>%n 分钟后</numerusform>
        </translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
</context>
<context>
    <name>TrayWiring</name>
    <message>
        <source>Reachable: Gotify %1, user %2, health %3, %4 ms</source>
        <translation>可访问：Gotify %1，用户 %2，健康状态 %3，%4 毫秒</translation>
    </message>
    <message>
        <source>Type the token to test the connection.</source>
        <translation>请输入令牌以测试连接。</translation>
    </message>
    <message>
        <source>Token accepted for %1 (%2), %3 ms</source>
        <translation>令牌已被接受：%1（%2），%3 毫秒</translation>
    </message>
    <message>
        <source>The server did not accept the token.</source>
        <translation>服务器不接受该令牌。</translation>
    </message>
    <message>
        <source>%1 is not an OpenIM account of this configuration.</source>
        <translation>%1 不是此配置中的 OpenIM 账户。</translation>
    </message>
</context>
<context>
    <name>ct::AppRuntime</name>
    <message>
        <source>no client token: store one with `channeltray accounts set-token %1 --field clientToken`</source>
        <translation>没有客户端令牌：请用 `channeltray accounts set-token %1 --field clientToken` 保存一个</translation>
    </message>
    <message>
        <source>no token: store one with `channeltray accounts set-token %1`</source>
        <translation>没有令牌：请用 `channeltray accounts set-token %1` 保存一个</translation>
    </message>
    <message>
        <source>no account %1</source>
        <translation>没有账户 %1</translation>
    </message>
    <message>
        <source>%1 is not connected; messages are sent over its live connection</source>
        <translation>%1 未连接；消息需通过其在线连接发送</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>waiting for the keychain to be unlocked: the account connects once it is</source>
        <translation>正在等待钥匙串解锁：解锁后账户即会连接</translation>
    </message>
    <message>
        <source>waiting for the keychain: no Secret Service is running yet; the account connects once one starts</source>
        <translation>正在等待钥匙串：尚无 Secret Service 运行；启动后账户即会连接</translation>
    </message>
    <message>
        <source>%1 could not be read from the keychain: %2</source>
        <translation>无法从钥匙串读取%1：%2</translation>
    </message>
    <message>
        <source>%1: appToken: %2</source>
        <translation>%1：appToken：%2</translation>
    </message>
    <message>
        <source>no appToken or clientToken (inline, referenced or in the keychain)</source>
        <translation>没有 appToken 或 clientToken（配置内联、引用或钥匙串中均无）</translation>
    </message>
</context>
<context>
    <name>ct::AutostartFile</name>
    <message>
        <source>Could not remove %1.</source>
        <translation>无法删除 %1。</translation>
    </message>
    <message>
        <source>Could not create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>Could not turn on start at login: %1</source>
        <translation>无法开启登录时启动：%1</translation>
    </message>
</context>
<context>
    <name>ct::GotifyApi</name>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>ct::GotifyConnection</name>
    <message>
        <source>no answer to ping (dead link)</source>
        <translation>ping 无应答（连接已失效）</translation>
    </message>
    <message>
        <source>catch-up failed: %1</source>
        <translation>补取消息失败：%1</translation>
    </message>
    <message>
        <source>inbound is switched off for this account</source>
        <translation>此账户已关闭接收</translation>
    </message>
    <message>
        <source>switched off</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>no client token for this account</source>
        <translation>此账户没有客户端令牌</translation>
    </message>
    <message>
        <source>the client token was refused (HTTP 401 on /stream)</source>
        <translation>客户端令牌被拒绝（/stream 返回 HTTP 401）</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>连接已断开</translation>
    </message>
    <message>
        <source>gave up after %1 reconnect attempts: %2</source>
        <translation>重连 %1 次后放弃：%2</translation>
    </message>
    <message>
        <source>woke from suspend</source>
        <translation>从休眠中唤醒</translation>
    </message>
    <message>
        <source>paused: the history does not take writes (%1)</source>
        <translation>已暂停：历史记录无法写入（%1）</translation>
    </message>
    <message>
        <source>too many messages during the catch-up; fetching them again</source>
        <translation>补取期间消息过多；正在重新获取</translation>
    </message>
    <message>
        <source>the server did not complete the connection within %1 s</source>
        <translation>服务器未在 %1 秒内完成连接</translation>
    </message>
    <message>
        <source>send only: no clientToken, so nothing is received</source>
        <translation>仅发送：没有 clientToken，因此不会接收任何消息</translation>
    </message>
</context>
<context>
    <name>ct::GotifyProbe</name>
    <message>
        <source>server unhealthy: %1</source>
        <translation>服务器状态异常：%1</translation>
    </message>
    <message>
        <source>client token: %1</source>
        <translation>客户端令牌：%1</translation>
    </message>
    <message>
        <source>app token: %1</source>
        <translation>应用令牌：%1</translation>
    </message>
    <message>
        <source>the probe did not finish in time</source>
        <translation>探测未能及时完成</translation>
    </message>
</context>
<context>
    <name>ct::ImageFetcher</name>
    <message>
        <source>only http, https and file URLs are fetched</source>
        <translation>只获取 http、https 和 file 地址</translation>
    </message>
    <message>
        <source>the image is larger than %1 MB</source>
        <translation>图片大于 %1 MB</translation>
    </message>
    <message>
        <source>the server answered HTTP %1</source>
        <translation>服务器返回 HTTP %1</translation>
    </message>
</context>
<context>
    <name>ct::JwtClaims</name>
    <message>
        <source>JWT %1 is empty</source>
        <translation>JWT 的%1为空</translation>
    </message>
    <message>
        <source>JWT %1 is not base64url</source>
        <translation>JWT 的%1不是 base64url 编码</translation>
    </message>
    <message>
        <source>JWT %1 is not JSON: %2</source>
        <translation>JWT 的%1不是 JSON：%2</translation>
    </message>
    <message>
        <source>JWT %1 is not a JSON object</source>
        <translation>JWT 的%1不是 JSON 对象</translation>
    </message>
    <message>
        <source>JWT claim &quot;%1&quot; is not a valid NumericDate</source>
        <translation>JWT 声明“%1”不是有效的 NumericDate</translation>
    </message>
    <message>
        <source>JWT must have 3 dot-separated parts, found %1</source>
        <translation>JWT 必须由 3 个以点分隔的部分组成，实际为 %1 个</translation>
    </message>
    <message>
        <source>JWT claim &quot;UserID&quot; is not a string</source>
        <translation>JWT 声明“UserID”不是字符串</translation>
    </message>
    <message>
        <source>JWT claim &quot;PlatformID&quot; is not a small whole number</source>
        <translation>JWT 声明“PlatformID”不是较小的整数</translation>
    </message>
</context>
<context>
    <name>ct::NetworkRecovery</name>
    <message>
        <source>no network</source>
        <translation>无网络</translation>
    </message>
</context>
<context>
    <name>ct::NotificationPolicy</name>
    <message>
        <source>%1 in group %2</source>
        <translation>群组 %2 中的 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages on %1</source>
        <translation>
            <numerusform>%1 上有 %n 条新消息</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ct::OpenClawImport</name>
    <message>
        <source>No openclaw.json was found (looked at $OPENCLAW_CONFIG_PATH, $OPENCLAW_STATE_DIR and ~/.openclaw).</source>
        <translation>没有找到 openclaw.json（已查找 $OPENCLAW_CONFIG_PATH、$OPENCLAW_STATE_DIR 和 ~/.openclaw）。</translation>
    </message>
    <message>
        <source>%1 cannot be read:
%2</source>
        <translation>无法读取 %1：
%2</translation>
    </message>
    <message>
        <source>Found in %1:</source>
        <translation>在 %1 中找到：</translation>
    </message>
    <message>
        <source>no Gotify or OpenIM account</source>
        <translation>没有 Gotify 或 OpenIM 账户</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s): </source>
        <translation>
            <numerusform>%n 个账户：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) stored in plain text in the file</source>
        <translation>
            <numerusform>文件中有 %n 个以明文保存的令牌</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>问题：</translation>
    </message>
</context>
<context>
    <name>ct::OpenImConnection</name>
    <message>
        <source>connection stopped</source>
        <translation>连接已停止</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>no token or no userID</source>
        <translation>没有令牌或 userID</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>连接已断开</translation>
    </message>
    <message>
        <source>connect failed: %1</source>
        <translation>连接失败：%1</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>paused: the history does not take writes (%1)</source>
        <translation>已暂停：历史记录无法写入（%1）</translation>
    </message>
    <message>
        <source>the server did not complete the connection within %1 s</source>
        <translation>服务器未在 %1 秒内完成连接</translation>
    </message>
    <message>
        <source>the server sent a frame over %1 MiB</source>
        <translation>服务器发送了超过 %1 MiB 的帧</translation>
    </message>
    <message>
        <source>the server sent a compressed frame that inflates past %1 MiB</source>
        <translation>服务器发送的压缩帧解压后超过 %1 MiB</translation>
    </message>
    <message>
        <source>no answer to ping (dead link)</source>
        <translation>ping 无应答（连接已失效）</translation>
    </message>
</context>
<context>
    <name>ct::OpenImGateway</name>
    <message>
        <source>request timed out</source>
        <translation>请求超时</translation>
    </message>
</context>
<context>
    <name>ct::OpenImProbe</name>
    <message>
        <source>probe timed out</source>
        <translation>探测超时</translation>
    </message>
</context>
<context>
    <name>ct::OpenImRest</name>
    <message>
        <source>friend API calls are disabled for account %1 (disableFriendSdk is true)</source>
        <translation>账户 %1 已禁用好友接口调用（disableFriendSdk 为 true）</translation>
    </message>
</context>
<context>
    <name>ct::OpenImSend</name>
    <message>
        <source>target must be user:&lt;id&gt; or group:&lt;id&gt;</source>
        <translation>目标必须是 user:&lt;id&gt; 或 group:&lt;id&gt;</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>undecodable send answer</source>
        <translation>无法解析发送应答</translation>
    </message>
</context>
<context>
    <name>ct::ReplyLimit</name>
    <message>
        <source>the answer is larger than %1 MiB</source>
        <translation>应答大于 %1 MiB</translation>
    </message>
    <message>
        <source>the answer is larger than %1 bytes</source>
        <translation>应答大于 %1 字节</translation>
    </message>
</context>
<context>
    <name>ct::SecretStore</name>
    <message>
        <source>No secret is stored in the keychain for %1.</source>
        <translation>钥匙串中没有为 %1 保存的密钥。</translation>
    </message>
    <message>
        <source>No Secret Service is running (is gnome-keyring or KeePassXC&apos;s Secret Service enabled?)</source>
        <translation>没有运行中的 Secret Service（是否已启用 gnome-keyring 或 KeePassXC 的 Secret Service？）</translation>
    </message>
    <message>
        <source>The keychain is locked. Unlock it and try again.</source>
        <translation>钥匙串已锁定。请解锁后重试。</translation>
    </message>
    <message>
        <source>Access to the keychain was denied.</source>
        <translation>访问钥匙串被拒绝。</translation>
    </message>
    <message>
        <source>The keychain reported an error.</source>
        <translation>钥匙串报告了一个错误。</translation>
    </message>
    <message>
        <source>The keychain reported an error: %1</source>
        <translation>钥匙串报告了一个错误：%1</translation>
    </message>
    <message>
        <source>Invalid keychain entry &quot;%1&quot;: expected &lt;channel&gt;/&lt;account&gt;/&lt;token|appToken|clientToken&gt;.</source>
        <translation>无效的钥匙串条目“%1”：应为 &lt;channel&gt;/&lt;account&gt;/&lt;token|appToken|clientToken&gt;。</translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 ms.</source>
        <translation>钥匙串在 %1 毫秒内没有响应。</translation>
    </message>
</context>
<context>
    <name>ct::WebSocketClient</name>
    <message>
        <source>not a WebSocket URL (ws:// or wss://)</source>
        <translation>不是 WebSocket 地址（ws:// 或 wss://）</translation>
    </message>
    <message>
        <source>the server&apos;s answer to the WebSocket upgrade is not valid: %1</source>
        <translation>服务器对 WebSocket 升级的应答无效：%1</translation>
    </message>
    <message>
        <source>the server refused the WebSocket upgrade: HTTP %1 %2</source>
        <translation>服务器拒绝了 WebSocket 升级：HTTP %1 %2</translation>
    </message>
    <message>
        <source>the server broke the WebSocket protocol (close code %1): %2</source>
        <translation>服务器违反了 WebSocket 协议（关闭码 %1）：%2</translation>
    </message>
</context>
<context>
    <name>ct::app::StatusApi</name>
    <message>
        <source>The status endpoint is off: %1</source>
        <translation>状态端点已关闭：%1</translation>
    </message>
</context>
<context>
    <name>ct::ui::AboutBox</name>
    <message>
        <source>Gotify and OpenIM accounts in the system tray: their health, their messages and a history of them, with every token in the keychain.</source>
        <translation>系统托盘中的 Gotify 和 OpenIM 账户：它们的状态、消息和消息历史，所有令牌都保存在钥匙串中。</translation>
    </message>
    <message>
        <source>About ChannelTray</source>
        <translation>关于 ChannelTray</translation>
    </message>
</context>
<context>
    <name>ct::ui::AccountEditorDialog</name>
    <message>
        <source>E&amp;nabled</source>
        <translation>启用(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Re&amp;move account…</source>
        <translation>删除账户(&amp;M)…</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Gotify</source>
        <translation>Gotify</translation>
    </message>
    <message>
        <source>OpenIM</source>
        <translation>OpenIM</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>账户 ID</translation>
    </message>
    <message>
        <source>e.g. ops</source>
        <translation>例如 ops</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>连接测试结果</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>渠道(&amp;C)：</translation>
    </message>
    <message>
        <source>Account &amp;ID:</source>
        <translation>账户 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Enter an account ID.</source>
        <translation>请输入账户 ID。</translation>
    </message>
    <message>
        <source>Use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; only.</source>
        <translation>只能使用字母、数字、“.”、“_”和“-”。</translation>
    </message>
    <message>
        <source>An account %1 exists already.</source>
        <translation>账户 %1 已存在。</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>已连接：%1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>删除账户</translation>
    </message>
    <message>
        <source>Remove %1 from the configuration? Its tokens are deleted from the keychain; its message history is kept.</source>
        <translation>要从配置中删除 %1 吗？其令牌将从钥匙串中删除，消息历史会保留。</translation>
    </message>
</context>
<context>
    <name>ct::ui::AccountTableModel</name>
    <message>
        <source>Last error: %1</source>
        <translation>最近的错误：%1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Token expires</source>
        <translation>令牌到期</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
</context>
<context>
    <name>ct::ui::AccountsTab</name>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>删除(&amp;R)…</translation>
    </message>
    <message>
        <source>Reconnect &amp;now</source>
        <translation>立即重连(&amp;N)</translation>
    </message>
    <message>
        <source>Send &amp;test message…</source>
        <translation>发送测试消息(&amp;T)…</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>&amp;Contacts…</source>
        <translation>联系人(&amp;C)…</translation>
    </message>
    <message>
        <source>Friends and pending friend applications of the selected OpenIM account</source>
        <translation>所选 OpenIM 账户的好友和待处理的好友申请</translation>
    </message>
    <message>
        <source>Search accounts (address, state, detail)…</source>
        <translation>搜索账户（地址、状态、详情）…</translation>
    </message>
    <message>
        <source>Search accounts</source>
        <translation>搜索账户</translation>
    </message>
</context>
<context>
    <name>ct::ui::AdminPage</name>
    <message>
        <source>Result of the last action</source>
        <translation>上一次操作的结果</translation>
    </message>
</context>
<context>
    <name>ct::ui::AppController</name>
    <message>
        <source>The message history could not be opened: %1</source>
        <translation>无法打开消息历史：%1</translation>
    </message>
    <message>
        <source>Problems in %1:</source>
        <translation>%1 中的问题：</translation>
    </message>
    <message>
        <source>No system tray was found on this desktop, so ChannelTray runs in this window. Closing it quits the application.</source>
        <translation>此桌面上没有找到系统托盘，因此 ChannelTray 在此窗口中运行。关闭窗口将退出程序。</translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation>保存配置</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>钥匙串</translation>
    </message>
    <message>
        <source>The %1 of %2 could not be stored in the keychain: %3</source>
        <translation>%2 的 %1 无法存入钥匙串：%3</translation>
    </message>
    <message>
        <source>Import from openclaw.json</source>
        <translation>从 openclaw.json 导入</translation>
    </message>
    <message numerus="yes">
        <source>Move the %n inline token(s) into the system keychain? The copy written for ChannelTray will then hold no token in plain text.</source>
        <translation>
            <numerusform>要把 %n 个内联令牌移入系统钥匙串吗？这样为 ChannelTray 写入的副本中将不含明文令牌。</numerusform>
        </translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>没有连接</translation>
    </message>
    <message>
        <source>The message history could not be read; it was moved to %1 and a new one was started.</source>
        <translation>无法读取消息历史；已将其移至 %1，并新建了一个。</translation>
    </message>
    <message numerus="yes">
        <source>Received messages cannot be stored in the history (%1); %n message(s) are kept in memory and stored when it works again.</source>
        <translation>
            <numerusform>收到的消息无法存入历史（%1）；%n 条消息暂存在内存中，恢复后再存入。</numerusform>
        </translation>
    </message>
    <message>
        <source>The message history could not be read (%1); it was moved to %2 and a new one was started.</source>
        <translation>无法读取消息历史（%1）；已将其移至 %2，并新建了一个。</translation>
    </message>
    <message>
        <source>Use the gateway&apos;s configuration</source>
        <translation>使用网关的配置</translation>
    </message>
    <message>
        <source>Use this file in place? ChannelTray then reads and edits %1 itself, changing only what you change (comments and the gateway&apos;s own settings stay as they are, the previous version is kept as %1.bak), and refreshed tokens land where the gateway reads them. Tokens written in it stay there. The choice is remembered.</source>
        <translation>就地使用此文件？ChannelTray 将直接读取和编辑 %1，只改动您所改的内容（注释和网关自身的设置保持不变，上一版本保存为 %1.bak），刷新后的令牌也会写到网关读取的位置。文件中已写入的令牌保留在原处。此选择会被记住。</translation>
    </message>
    <message>
        <source>Using the gateway&apos;s configuration %1 in place.</source>
        <translation>正在就地使用网关的配置 %1。</translation>
    </message>
    <message>
        <source>Copy these accounts into ChannelTray&apos;s own configuration? Keys ChannelTray does not know are kept as they are.</source>
        <translation>将这些账户复制到 ChannelTray 自己的配置中？ChannelTray 不认识的键将原样保留。</translation>
    </message>
    <message>
        <source>The old history is kept at %1.</source>
        <translation>旧的历史保存在 %1。</translation>
    </message>
    <message>
        <source>It could not be read (%1). The old history is kept at %2.</source>
        <translation>无法读取（%1）。旧的历史保存在 %2。</translation>
    </message>
    <message>
        <source>Message history restarted</source>
        <translation>消息历史已重新开始</translation>
    </message>
    <message>
        <source>The message history has a problem: %1</source>
        <translation>消息历史出现问题：%1</translation>
    </message>
    <message>
        <source>The message history %1 was deleted while ChannelTray ran. A new one was started there: it holds the messages from then on, and those being stored at that moment; the older ones went with the deleted file.</source>
        <translation>消息历史 %1 在 ChannelTray 运行时被删除。已在原处新建一个：它保存此后的消息以及当时正在保存的消息；更早的消息已随被删除的文件一起消失。</translation>
    </message>
    <message>
        <source>The message history %1 was replaced by another file while ChannelTray ran. That file is the history now: it holds the messages from then on, and those being stored at that moment; the messages of the replaced file are not in it.</source>
        <translation>消息历史 %1 在 ChannelTray 运行时被另一个文件替换。该文件现在就是消息历史：它保存此后的消息以及当时正在保存的消息；被替换文件中的消息不在其中。</translation>
    </message>
</context>
<context>
    <name>ct::ui::ApplicationsPage</name>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>保存更改(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Upload icon…</source>
        <translation>上传图标(&amp;U)…</translation>
    </message>
    <message>
        <source>Remo&amp;ve icon…</source>
        <translation>移除图标(&amp;V)…</translation>
    </message>
    <message>
        <source>Rotate &amp;token…</source>
        <translation>轮换令牌(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Application name</source>
        <translation>应用名称</translation>
    </message>
    <message>
        <source>Application description</source>
        <translation>应用描述</translation>
    </message>
    <message>
        <source>Default priority</source>
        <translation>默认优先级</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>描述(&amp;E)：</translation>
    </message>
    <message>
        <source>Default &amp;priority:</source>
        <translation>默认优先级(&amp;P)：</translation>
    </message>
    <message>
        <source>Choose an application icon</source>
        <translation>选择应用图标</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif)</translation>
    </message>
    <message>
        <source>Rotating a token needs Gotify 3 or later.</source>
        <translation>轮换令牌需要 Gotify 3 或更高版本。</translation>
    </message>
    <message>
        <source>Application “%1” created.</source>
        <translation>已创建应用“%1”。</translation>
    </message>
    <message>
        <source>The token of “%1” is shown only now; copy it before closing this window.</source>
        <translation>“%1”的令牌只在此时显示一次；请在关闭此窗口前复制它。</translation>
    </message>
    <message>
        <source>Application saved.</source>
        <translation>应用已保存。</translation>
    </message>
    <message>
        <source>Icon uploaded.</source>
        <translation>图标已上传。</translation>
    </message>
    <message>
        <source>Remove icon</source>
        <translation>移除图标</translation>
    </message>
    <message>
        <source>Remove the icon of “%1”? Gotify shows its default icon instead.</source>
        <translation>要移除“%1”的图标吗？Gotify 将改为显示默认图标。</translation>
    </message>
    <message>
        <source>Icon removed.</source>
        <translation>图标已移除。</translation>
    </message>
    <message>
        <source>Rotate token</source>
        <translation>轮换令牌</translation>
    </message>
    <message>
        <source>Issue a new token for “%1”? Everything that still posts with the old token stops working.</source>
        <translation>要为“%1”签发新令牌吗？仍在使用旧令牌发送消息的一切都将停止工作。</translation>
    </message>
    <message>
        <source>The token of “%1” was rotated.</source>
        <translation>“%1”的令牌已轮换。</translation>
    </message>
    <message>
        <source>The new token of “%1” is shown only now; copy it before closing this window.</source>
        <translation>“%1”的新令牌只在此时显示一次；请在关闭此窗口前复制它。</translation>
    </message>
    <message>
        <source>Delete application</source>
        <translation>删除应用</translation>
    </message>
    <message>
        <source>Delete the application “%1” and all of its messages? This cannot be undone.</source>
        <translation>要删除应用“%1”及其全部消息吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Application “%1” deleted.</source>
        <translation>已删除应用“%1”。</translation>
    </message>
</context>
<context>
    <name>ct::ui::ClientsPage</name>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>重命名(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>上次使用</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Client name</source>
        <translation>客户端名称</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Client “%1” created.</source>
        <translation>已创建客户端“%1”。</translation>
    </message>
    <message>
        <source>The token of “%1” is shown only now; copy it before closing this window.</source>
        <translation>“%1”的令牌只在此时显示一次；请在关闭此窗口前复制它。</translation>
    </message>
    <message>
        <source>Client renamed.</source>
        <translation>客户端已重命名。</translation>
    </message>
    <message>
        <source>Delete client</source>
        <translation>删除客户端</translation>
    </message>
    <message>
        <source>Delete the client “%1”? Whatever uses its token is signed out.</source>
        <translation>要删除客户端“%1”吗？使用其令牌的一切都将被注销。</translation>
    </message>
    <message>
        <source>Client “%1” deleted.</source>
        <translation>已删除客户端“%1”。</translation>
    </message>
</context>
<context>
    <name>ct::ui::ContactsDialog</name>
    <message>
        <source>User ID</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Friends</source>
        <translation>好友</translation>
    </message>
    <message>
        <source>From</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>Pending friend applications</source>
        <translation>待处理的好友申请</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Contacts of %1</source>
        <translation>%1 的联系人</translation>
    </message>
    <message>
        <source>Contacts status</source>
        <translation>联系人状态</translation>
    </message>
    <message>
        <source>&amp;Friends</source>
        <translation>好友(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Pending applications</source>
        <translation>待处理申请(&amp;P)</translation>
    </message>
    <message>
        <source>Contacts cannot be read in this build.</source>
        <translation>此版本无法读取联系人。</translation>
    </message>
    <message>
        <source>Reading the contacts of %1…</source>
        <translation>正在读取 %1 的联系人…</translation>
    </message>
    <message>
        <source>Contacts are not available: %1. Set disableFriendSdk to false for this account to allow friend API calls.</source>
        <translation>联系人不可用：%1。请为此账户将 disableFriendSdk 设为 false 以允许调用好友接口。</translation>
    </message>
    <message>
        <source>The contacts could not be read: %1</source>
        <translation>无法读取联系人：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n friend(s)</source>
        <translation>
            <numerusform>%n 位好友</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending application(s)</source>
        <translation>
            <numerusform>%n 条待处理申请</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ct::ui::DemoStarter</name>
    <message>
        <source>Starting the demo servers (%1)…</source>
        <translation>正在启动演示服务器（%1）…</translation>
    </message>
    <message>
        <source>Waiting for the demo configuration at %1…</source>
        <translation>正在等待演示配置 %1…</translation>
    </message>
    <message>
        <source>Starting ChannelTray on the demo configuration %1…</source>
        <translation>正在以演示配置 %1 启动 ChannelTray…</translation>
    </message>
    <message>
        <source>The demo servers did not start: %1</source>
        <translation>演示服务器未能启动：%1</translation>
    </message>
    <message>
        <source>The demo servers did not write their configuration (%1) in time.</source>
        <translation>演示服务器未能及时写出配置（%1）。</translation>
    </message>
    <message>
        <source>ChannelTray could not be started on the demo configuration (%1).</source>
        <translation>无法以演示配置启动 ChannelTray（%1）。</translation>
    </message>
    <message>
        <source>(not available in this build)</source>
        <translation>（此版本中不可用）</translation>
    </message>
    <message>
        <source>The demo servers (channeltray-sandbox) were not found. They are installed with ChannelTray unless it was built with CHANNELTRAY_BUILD_DEMO=OFF; looked for: %1</source>
        <translation>未找到演示服务器（channeltray-sandbox）。除非构建时设置了 CHANNELTRAY_BUILD_DEMO=OFF，它会随 ChannelTray 一起安装；查找过：%1</translation>
    </message>
</context>
<context>
    <name>ct::ui::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <source>Mark read</source>
        <translation>标为已读</translation>
    </message>
</context>
<context>
    <name>ct::ui::DiagnosticsTab</name>
    <message>
        <source>Event log</source>
        <translation>事件日志</translation>
    </message>
    <message>
        <source>Manual-login marker files</source>
        <translation>手动登录标记文件</translation>
    </message>
    <message>
        <source>&amp;Event log (state changes since start):</source>
        <translation>事件日志(&amp;E)（自启动以来的状态变化）：</translation>
    </message>
    <message>
        <source>Manual-login &amp;marker files:</source>
        <translation>手动登录标记文件(&amp;M)：</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>No marker files: no account is waiting for a manual login.</source>
        <translation>没有标记文件：没有账户在等待手动登录。</translation>
    </message>
</context>
<context>
    <name>ct::ui::GotifyAdminWindow</name>
    <message>
        <source>Gotify administration</source>
        <translation>Gotify 管理</translation>
    </message>
    <message>
        <source>Gotify account to administer</source>
        <translation>要管理的 Gotify 账户</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>&amp;Applications</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>C&amp;lients</source>
        <translation>客户端(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>消息(&amp;M)</translation>
    </message>
    <message>
        <source>Acc&amp;ount:</source>
        <translation>账户(&amp;O)：</translation>
    </message>
    <message>
        <source>Choose an account…</source>
        <translation>请选择账户…</translation>
    </message>
    <message>
        <source>There is no Gotify account to administer. Add one in the Accounts tab.</source>
        <translation>没有可管理的 Gotify 账户。请在“账户”标签页中添加一个。</translation>
    </message>
    <message>
        <source>Choose the Gotify account whose server you want to administer.</source>
        <translation>请选择要管理其服务器的 Gotify 账户。</translation>
    </message>
    <message>
        <source>%1 has no running connection (disabled, or its tokens could not be read), so its server cannot be administered now.</source>
        <translation>%1 没有运行中的连接（已停用，或无法读取其令牌），因此现在无法管理其服务器。</translation>
    </message>
</context>
<context>
    <name>ct::ui::GotifyForm</name>
    <message>
        <source>&amp;Receive messages (client token needed)</source>
        <translation>接收消息(&amp;R)（需要客户端令牌）</translation>
    </message>
    <message>
        <source>Gotify server URL</source>
        <translation>Gotify 服务器 URL</translation>
    </message>
    <message>
        <source>Application token</source>
        <translation>应用令牌</translation>
    </message>
    <message>
        <source>Client token</source>
        <translation>客户端令牌</translation>
    </message>
    <message>
        <source>Default priority</source>
        <translation>默认优先级</translation>
    </message>
    <message>
        <source>Used to send messages. Stored in the system keychain.</source>
        <translation>用于发送消息。保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>Used to receive messages and for administration.</source>
        <translation>用于接收消息和管理。</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>服务器 URL(&amp;U)：</translation>
    </message>
    <message>
        <source>A&amp;pplication token:</source>
        <translation>应用令牌(&amp;P)：</translation>
    </message>
    <message>
        <source>C&amp;lient token:</source>
        <translation>客户端令牌(&amp;L)：</translation>
    </message>
    <message>
        <source>Default p&amp;riority:</source>
        <translation>默认优先级(&amp;R)：</translation>
    </message>
    <message>
        <source>Stored in the keychain — leave empty to keep it</source>
        <translation>已保存在钥匙串中——留空则保持不变</translation>
    </message>
    <message>
        <source>Enter an application token (to send) or a client token (to receive), or both.</source>
        <translation>请输入应用令牌（用于发送）或客户端令牌（用于接收），或两者都填。</translation>
    </message>
    <message>
        <source>Receiving messages needs a client token.</source>
        <translation>接收消息需要客户端令牌。</translation>
    </message>
</context>
<context>
    <name>ct::ui::HistoryModel</name>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发送者</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
</context>
<context>
    <name>ct::ui::MainWindow</name>
    <message>
        <source>ChannelTray</source>
        <translation>ChannelTray</translation>
    </message>
    <message>
        <source>ChannelTray main window</source>
        <translation>ChannelTray 主窗口</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>消息(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Diagnostics</source>
        <translation>诊断(&amp;D)</translation>
    </message>
</context>
<context>
    <name>ct::ui::MessageView</name>
    <message>
        <source>Message text</source>
        <translation>消息正文</translation>
    </message>
    <message>
        <source>Select a message to read it.</source>
        <translation>选择一条消息以阅读。</translation>
    </message>
    <message>
        <source>Open:</source>
        <translation>打开：</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>图片：</translation>
    </message>
    <message>
        <source>not an image this program can show</source>
        <translation>不是本程序能显示的图片</translation>
    </message>
    <message>
        <source>Loading the image…</source>
        <translation>正在加载图片…</translation>
    </message>
    <message>
        <source>The image could not be shown: %1</source>
        <translation>无法显示图片：%1</translation>
    </message>
</context>
<context>
    <name>ct::ui::MessagesPage</name>
    <message>
        <source>&amp;Newest</source>
        <translation>最新(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Older</source>
        <translation>更早(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Delete message…</source>
        <translation>删除消息(&amp;D)…</translation>
    </message>
    <message>
        <source>Application whose messages are shown</source>
        <translation>显示其消息的应用</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Messages on the server</source>
        <translation>服务器上的消息</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <source>A&amp;pplication:</source>
        <translation>应用(&amp;P)：</translation>
    </message>
    <message>
        <source>All applications</source>
        <translation>全部应用</translation>
    </message>
    <message numerus="yes">
        <source>Page %1, %n message(s)</source>
        <translation>
            <numerusform>第 %1 页，%n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>删除消息</translation>
    </message>
    <message>
        <source>Delete message %1 from the server?</source>
        <translation>要从服务器删除消息 %1 吗？</translation>
    </message>
    <message>
        <source>Message %1 deleted.</source>
        <translation>消息 %1 已删除。</translation>
    </message>
    <message>
        <source>Delete messages</source>
        <translation>删除消息</translation>
    </message>
    <message>
        <source>Delete every message of “%1” from the server?</source>
        <translation>要从服务器删除“%1”的全部消息吗？</translation>
    </message>
    <message>
        <source>The messages of “%1” were deleted.</source>
        <translation>“%1”的消息已删除。</translation>
    </message>
    <message>
        <source>Delete every message of every application from the server? This cannot be undone.</source>
        <translation>要从服务器删除所有应用的全部消息吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>All messages were deleted.</source>
        <translation>全部消息已删除。</translation>
    </message>
    <message>
        <source>Delete all of this appl&amp;ication…</source>
        <translation>删除此应用的全部消息(&amp;I)…</translation>
    </message>
    <message>
        <source>Delete &amp;every message…</source>
        <translation>删除全部消息(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>ct::ui::MessagesTab</name>
    <message>
        <source>A&amp;ccount:</source>
        <translation>账户(&amp;C)：</translation>
    </message>
    <message>
        <source>Sessio&amp;n:</source>
        <translation>会话(&amp;N)：</translation>
    </message>
    <message>
        <source>Account filter</source>
        <translation>账户筛选</translation>
    </message>
    <message>
        <source>Session filter</source>
        <translation>会话筛选</translation>
    </message>
    <message>
        <source>Search title and text</source>
        <translation>搜索标题和正文</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>搜索消息</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>所有账户</translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation>所有会话</translation>
    </message>
    <message>
        <source>%1 (%2 unread)</source>
        <translation>%1（%2 条未读）</translation>
    </message>
    <message>
        <source>Mark &amp;read</source>
        <translation>标为已读(&amp;R)</translation>
    </message>
    <message>
        <source>Mark &amp;unread</source>
        <translation>标为未读(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete from this computer</source>
        <translation>从本机删除(&amp;D)</translation>
    </message>
</context>
<context>
    <name>ct::ui::NotificationMenus</name>
    <message>
        <source>Mute notifications from %1</source>
        <translation>静音来自 %1 的通知</translation>
    </message>
    <message>
        <source>Stop snoozing %1 (until %2)</source>
        <translation>停止暂停 %1（至 %2）</translation>
    </message>
    <message>
        <source>Snooze %1 for 1 hour</source>
        <translation>暂停 %1 一小时</translation>
    </message>
    <message>
        <source>Quiet hours (%1–%2, priority %3 and above still shown)</source>
        <translation>免打扰时段（%1–%2，优先级 %3 及以上仍显示）</translation>
    </message>
    <message>
        <source>application %1</source>
        <translation>应用 %1</translation>
    </message>
    <message>
        <source>conversation %1</source>
        <translation>会话 %1</translation>
    </message>
</context>
<context>
    <name>ct::ui::NotificationPopup</name>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ct::ui::OpenImForm</name>
    <message>
        <source>Only group messages that &amp;mention this account</source>
        <translation>只接收提及(&amp;M)此账户的群消息</translation>
    </message>
    <message>
        <source>Disable the &amp;friend SDK (friend guard on)</source>
        <translation>停用好友 SDK(&amp;F)（启用好友保护）</translation>
    </message>
    <message>
        <source>OpenIM token</source>
        <translation>OpenIM 令牌</translation>
    </message>
    <message>
        <source>Gateway WebSocket address</source>
        <translation>网关 WebSocket 地址</translation>
    </message>
    <message>
        <source>REST API address</source>
        <translation>REST API 地址</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>from the token</source>
        <translation>取自令牌</translation>
    </message>
    <message>
        <source>Platform ID</source>
        <translation>平台 ID</translation>
    </message>
    <message>
        <source>Paste the user&apos;s JWT. Stored in the system keychain.</source>
        <translation>粘贴用户的 JWT。保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Gateway (ws://):</source>
        <translation>网关(&amp;G)（ws://）：</translation>
    </message>
    <message>
        <source>&amp;API (http://):</source>
        <translation>API(&amp;A)（http://）：</translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation>用户 ID(&amp;U)：</translation>
    </message>
    <message>
        <source>Pla&amp;tform ID:</source>
        <translation>平台 ID(&amp;T)：</translation>
    </message>
    <message>
        <source>HTTP endpoint</source>
        <translation>HTTP 端点</translation>
    </message>
    <message>
        <source>Hook command</source>
        <translation>钩子命令</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Token refresh mode</source>
        <translation>令牌刷新方式</translation>
    </message>
    <message>
        <source>Refresh endpoint URL</source>
        <translation>刷新端点 URL</translation>
    </message>
    <message>
        <source>Refresh hook command</source>
        <translation>刷新钩子命令</translation>
    </message>
    <message>
        <source>Manual-login marker path</source>
        <translation>手动登录标记路径</translation>
    </message>
    <message>
        <source>Token refresh (all OpenIM accounts)</source>
        <translation>令牌刷新（所有 OpenIM 账户）</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>方式(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>端点(&amp;E)：</translation>
    </message>
    <message>
        <source>Hoo&amp;k command:</source>
        <translation>钩子命令(&amp;K)：</translation>
    </message>
    <message>
        <source>Ma&amp;rker file:</source>
        <translation>标记文件(&amp;R)：</translation>
    </message>
    <message>
        <source>Stored in the keychain — leave empty to keep it</source>
        <translation>已保存在钥匙串中——留空则保持不变</translation>
    </message>
    <message>
        <source>Not a readable JWT: %1</source>
        <translation>不是可读取的 JWT：%1</translation>
    </message>
    <message>
        <source>User ID: %1</source>
        <translation>用户 ID：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Platform: %1</source>
        <translation>平台：%1</translation>
    </message>
    <message>
        <source>EXPIRED %1</source>
        <translation>已于 %1 过期</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>%1 过期</translation>
    </message>
    <message>
        <source>An OpenIM account needs a token.</source>
        <translation>OpenIM 账户需要令牌。</translation>
    </message>
</context>
<context>
    <name>ct::ui::ProbeTable</name>
    <message>
        <source>&amp;Probe now</source>
        <translation>立即探测(&amp;P)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>检查时间</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Probe results</source>
        <translation>探测结果</translation>
    </message>
    <message>
        <source>Checks every connected account against its server now.</source>
        <translation>立即向服务器检查每个已连接的账户。</translation>
    </message>
    <message>
        <source>Health probes are not available in this session.</source>
        <translation>本次会话中无法进行健康探测。</translation>
    </message>
    <message>
        <source>Each account is probed on its health-check interval, shortly after start, and when you press Probe now.</source>
        <translation>每个账户会按其健康检查间隔、启动后不久以及按下“立即探测”时被探测。</translation>
    </message>
    <message>
        <source>not probed yet</source>
        <translation>尚未探测</translation>
    </message>
    <message>
        <source>probing…</source>
        <translation>正在探测…</translation>
    </message>
    <message>
        <source>not probed: %1</source>
        <translation>未探测：%1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>reachable, with problems</source>
        <translation>可访问，但有问题</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>无法访问</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>health %1</source>
        <translation>健康状态 %1</translation>
    </message>
    <message>
        <source>%1, health %2</source>
        <translation>%1，健康状态 %2</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Ser&amp;ver probes (as doctor --probe):</source>
        <translation>服务器探测(&amp;V)（同 doctor --probe）：</translation>
    </message>
</context>
<context>
    <name>ct::ui::ProxyField</name>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>system (default), none, http://host:port or socks5://host:port</source>
        <translation>system（默认）、none、http://主机:端口 或 socks5://主机:端口</translation>
    </message>
    <message>
        <source>Empty: the system&apos;s proxy (never for servers on this machine).</source>
        <translation>留空：使用系统代理（本机上的服务器从不经过代理）。</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>代理(&amp;X)：</translation>
    </message>
</context>
<context>
    <name>ct::ui::SendDialog</name>
    <message>
        <source>&amp;Markdown</source>
        <translation>Markdown(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Send test message</source>
        <translation>发送测试消息</translation>
    </message>
    <message>
        <source>Account to send from</source>
        <translation>发送账户</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Click URL</source>
        <translation>点击 URL</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>接收者</translation>
    </message>
    <message>
        <source>user:&lt;userID&gt; or group:&lt;groupID&gt;</source>
        <translation>user:&lt;用户ID&gt; 或 group:&lt;群组ID&gt;</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Picture (URL)</source>
        <translation>图片（URL）</translation>
    </message>
    <message>
        <source>Video (URL)</source>
        <translation>视频（URL）</translation>
    </message>
    <message>
        <source>File (URL)</source>
        <translation>文件（URL）</translation>
    </message>
    <message>
        <source>Message type</source>
        <translation>消息类型</translation>
    </message>
    <message>
        <source>Media URL</source>
        <translation>媒体 URL</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>消息正文</translation>
    </message>
    <message>
        <source>Send result</source>
        <translation>发送结果</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>标题(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>优先级(&amp;P)：</translation>
    </message>
    <message>
        <source>Click &amp;URL:</source>
        <translation>点击 URL(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation>接收者(&amp;R)：</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>类型(&amp;Y)：</translation>
    </message>
    <message>
        <source>Media U&amp;RL:</source>
        <translation>媒体 URL(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>账户(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>正文(&amp;T)：</translation>
    </message>
    <message>
        <source>— choose an account —</source>
        <translation>— 请选择账户 —</translation>
    </message>
    <message>
        <source>Choose the account to send from.</source>
        <translation>请选择发送消息的账户。</translation>
    </message>
    <message>
        <source>Sending is not available in this build.</source>
        <translation>此版本不支持发送。</translation>
    </message>
    <message>
        <source>Enter the message text.</source>
        <translation>请输入消息正文。</translation>
    </message>
    <message>
        <source>The click URL must be an http:// or https:// URL.</source>
        <translation>点击 URL 必须是 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <source>Enter the recipient as user:&lt;userID&gt; or group:&lt;groupID&gt;.</source>
        <translation>请按 user:&lt;用户ID&gt; 或 group:&lt;群组ID&gt; 输入接收者。</translation>
    </message>
    <message>
        <source>Enter the http:// or https:// URL of the picture, video or file.</source>
        <translation>请输入图片、视频或文件的 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <source>Sending from %1…</source>
        <translation>正在从 %1 发送…</translation>
    </message>
    <message>
        <source>Sent. Server id %1 at %2.</source>
        <translation>已发送。服务器 ID %1，时间 %2。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
</context>
<context>
    <name>ct::ui::TokenReveal</name>
    <message>
        <source>&amp;Copy token</source>
        <translation>复制令牌(&amp;C)</translation>
    </message>
    <message>
        <source>New token</source>
        <translation>新令牌</translation>
    </message>
    <message>
        <source>Copy the new token to the clipboard</source>
        <translation>将新令牌复制到剪贴板</translation>
    </message>
</context>
<context>
    <name>ct::ui::TrayController</name>
    <message>
        <source>ChannelTray</source>
        <translation>ChannelTray</translation>
    </message>
    <message>
        <source>No accounts configured</source>
        <translation>尚未配置账户</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 个%2</translation>
    </message>
    <message>
        <source>Next retry: %1</source>
        <translation>下次重试：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n 条未读消息</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Messages cannot be stored in the history (%1); %n kept in memory until it works again</source>
        <translation>
            <numerusform>消息无法存入历史（%1）；%n 条暂存在内存中，恢复后再存入</numerusform>
        </translation>
    </message>
    <message>
        <source>The message history could not be read; it was kept at %1 and a new one was started</source>
        <translation>无法读取消息历史；旧的保存在 %1，并新建了一个</translation>
    </message>
    <message>
        <source>The message history %1 was deleted; a new one holds the messages from then on</source>
        <translation>消息历史 %1 已被删除；此后的消息保存在新的历史中</translation>
    </message>
    <message>
        <source>The message history %1 was replaced; the file in its place holds the messages from then on</source>
        <translation>消息历史 %1 已被替换；此后的消息保存在取代它的文件中</translation>
    </message>
    <message>
        <source>The message history has a problem: %1</source>
        <translation>消息历史出现问题：%1</translation>
    </message>
</context>
<context>
    <name>ct::ui::TrayMenu</name>
    <message>
        <source>No accounts yet</source>
        <translation>还没有账户</translation>
    </message>
    <message>
        <source>Need attention: %1</source>
        <translation>需要处理：%1</translation>
    </message>
    <message>
        <source>%1 more…</source>
        <translation>另有 %1 个…</translation>
    </message>
    <message>
        <source>%1 — %2: %3 of %4 connected</source>
        <translation>%1 — %2：%4 个中已连接 %3 个</translation>
    </message>
    <message>
        <source>(no server)</source>
        <translation>（无服务器）</translation>
    </message>
    <message>
        <source>, %1 need attention</source>
        <translation>，%1 个需要处理</translation>
    </message>
    <message>
        <source>&amp;Find account…</source>
        <translation>查找账户(&amp;F)…</translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source> (%n unread)</source>
        <translation>
            <numerusform>（%n 条未读）</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Reconnect now</source>
        <translation>立即重连(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Send test message…</source>
        <translation>发送测试消息(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Copy session key</source>
        <translation>复制会话键(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Messages…</source>
        <translation>消息(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>账户(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Gotify administration…</source>
        <translation>Gotify 管理(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Diagnostics…</source>
        <translation>诊断(&amp;D)…</translation>
    </message>
    <message>
        <source>A&amp;bout ChannelTray…</source>
        <translation>关于 ChannelTray(&amp;B)…</translation>
    </message>
    <message>
        <source>Start at &amp;login</source>
        <translation>登录时启动(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>登录时启动</translation>
    </message>
</context>
<context>
    <name>ct::ui::WelcomePage</name>
    <message>
        <source>&lt;h2&gt;Welcome to ChannelTray&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;欢迎使用 ChannelTray&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>ChannelTray keeps your Gotify and OpenIM accounts connected, shows their health in the system tray and keeps every message it receives. There is no configuration yet. How would you like to start?</source>
        <translation>ChannelTray 让您的 Gotify 和 OpenIM 账户保持连接，在系统托盘中显示它们的状态，并保存收到的每一条消息。目前还没有配置。您想如何开始？</translation>
    </message>
    <message>
        <source>Add a &amp;Gotify account…</source>
        <translation>添加 Gotify 账户(&amp;G)…</translation>
    </message>
    <message>
        <source>Connect to a Gotify server with an application or client token.</source>
        <translation>使用应用令牌或客户端令牌连接 Gotify 服务器。</translation>
    </message>
    <message>
        <source>Add an &amp;OpenIM account…</source>
        <translation>添加 OpenIM 账户(&amp;O)…</translation>
    </message>
    <message>
        <source>Connect a bot or user account to an OpenIM server.</source>
        <translation>将机器人或用户账户连接到 OpenIM 服务器。</translation>
    </message>
    <message>
        <source>&amp;Import from openclaw.json…</source>
        <translation>从 openclaw.json 导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Use the accounts of an existing OpenClaw gateway configuration.</source>
        <translation>使用现有 OpenClaw 网关配置中的账户。</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>试用演示(&amp;D)</translation>
    </message>
    <message>
        <source>Start local demo servers and watch live accounts without any setup.</source>
        <translation>启动本地演示服务器，无需任何设置即可看到在线账户。</translation>
    </message>
    <message>
        <source>Demo status</source>
        <translation>演示状态</translation>
    </message>
    <message>
        <source>&amp;Use the gateway&apos;s openclaw.json in place…</source>
        <translation>就地使用网关的 openclaw.json(&amp;U)…</translation>
    </message>
    <message>
        <source>Read and edit the gateway&apos;s own configuration file, where the gateway reads it; refreshed tokens land there too.</source>
        <translation>在网关读取它的位置直接读取和编辑网关自己的配置文件；刷新后的令牌也写到那里。</translation>
    </message>
    <message>
        <source>&amp;Use %1 in place…</source>
        <translation>就地使用 %1(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Import a copy of %1…</source>
        <translation>导入 %1 的副本(&amp;I)…</translation>
    </message>
</context>
</TS>
