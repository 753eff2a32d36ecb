<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>GotifyEndpoint</name>
    <message>
        <source>caCertFile %1 holds no PEM certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>caCertFile %1 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GotifyError</name>
    <message>
        <source>cannot reach the Gotify server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Gotify server did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s TLS certificate is not trusted (%1); set caCertFile for a self-signed server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token was refused (HTTP 401): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not allowed (HTTP 403): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this Gotify v3 server needs an elevated session for this action (HTTP 403): %1. Elevate the client in the Gotify web UI (or use basic auth) and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found (HTTP 404): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused the request (HTTP 400): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server error (HTTP %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected answer from the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s TLS certificate is for another host name (%1); use a name it lists in the account&apos;s server URL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QNativeSocketEngine</name>
    <message>
        <source>The remote host closed the connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefreshWiring</name>
    <message>
        <source>%1 — token refresh failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StateLabels</name>
    <message numerus="yes">
        <source>in %n s</source>
        <translation>
            <numerusform>in %n s</numerusform>
            <numerusform>in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation>
            <numerusform>in %n min</numerusform>
            <numerusform>in %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting to retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refreshing token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayWiring</name>
    <message>
        <source>Reachable: Gotify %1, user %2, health %3, %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the token to test the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token accepted for %1 (%2), %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an OpenIM account of this configuration.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::AppRuntime</name>
    <message>
        <source>no client token: store one with `channeltray accounts set-token %1 --field clientToken`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no token: store one with `channeltray accounts set-token %1`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no account %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not connected; messages are sent over its live connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for the keychain to be unlocked: the account connects once it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for the keychain: no Secret Service is running yet; the account connects once one starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read from the keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: appToken: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no appToken or clientToken (inline, referenced or in the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::AutostartFile</name>
    <message>
        <source>Could not remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not turn on start at login: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::GotifyApi</name>
    <message>
        <source>Could not read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::GotifyConnection</name>
    <message>
        <source>no answer to ping (dead link)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catch-up failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>woke from suspend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inbound is switched off for this account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no client token for this account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client token was refused (HTTP 401 on /stream)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gave up after %1 reconnect attempts: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused: the history does not take writes (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many messages during the catch-up; fetching them again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not complete the connection within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send only: no clientToken, so nothing is received</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::GotifyProbe</name>
    <message>
        <source>server unhealthy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>app token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the probe did not finish in time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ImageFetcher</name>
    <message>
        <source>only http, https and file URLs are fetched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image is larger than %1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server answered HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::JwtClaims</name>
    <message>
        <source>JWT %1 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT %1 is not base64url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT %1 is not JSON: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT %1 is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT claim &quot;%1&quot; is not a valid NumericDate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT must have 3 dot-separated parts, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT claim &quot;UserID&quot; is not a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT claim &quot;PlatformID&quot; is not a small whole number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::NetworkRecovery</name>
    <message>
        <source>no network</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::NotificationPolicy</name>
    <message>
        <source>%1 in group %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new messages on %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ct::OpenClawImport</name>
    <message>
        <source>No openclaw.json was found (looked at $OPENCLAW_CONFIG_PATH, $OPENCLAW_STATE_DIR and ~/.openclaw).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found in %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no Gotify or OpenIM account</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n account(s): </source>
        <translation>
            <numerusform>%n account: </numerusform>
            <numerusform>%n accounts: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) stored in plain text in the file</source>
        <translation>
            <numerusform>%n token stored in plain text in the file</numerusform>
            <numerusform>%n tokens stored in plain text in the file</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::OpenImConnection</name>
    <message>
        <source>connection stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no token or no userID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connect failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused: the history does not take writes (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not complete the connection within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent a frame over %1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent a compressed frame that inflates past %1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer to ping (dead link)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::OpenImGateway</name>
    <message>
        <source>request timed out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::OpenImProbe</name>
    <message>
        <source>probe timed out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::OpenImRest</name>
    <message>
        <source>friend API calls are disabled for account %1 (disableFriendSdk is true)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::OpenImSend</name>
    <message>
        <source>target must be user:&lt;id&gt; or group:&lt;id&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undecodable send answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ReplyLimit</name>
    <message>
        <source>the answer is larger than %1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is larger than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::SecretStore</name>
    <message>
        <source>No secret is stored in the keychain for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Secret Service is running (is gnome-keyring or KeePassXC&apos;s Secret Service enabled?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain is locked. Unlock it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to the keychain was denied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain reported an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid keychain entry &quot;%1&quot;: expected &lt;channel&gt;/&lt;account&gt;/&lt;token|appToken|clientToken&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 ms.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::WebSocketClient</name>
    <message>
        <source>not a WebSocket URL (ws:// or wss://)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s answer to the WebSocket upgrade is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused the WebSocket upgrade: HTTP %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server broke the WebSocket protocol (close code %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::app::StatusApi</name>
    <message>
        <source>The status endpoint is off: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::AboutBox</name>
    <message>
        <source>Gotify and OpenIM accounts in the system tray: their health, their messages and a history of them, with every token in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About ChannelTray</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::AccountEditorDialog</name>
    <message>
        <source>E&amp;nabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gotify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenIM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. ops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an account ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An account %1 exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from the configuration? Its tokens are deleted from the keychain; its message history is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::AccountTableModel</name>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unread</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::AccountsTab</name>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;test message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friends and pending friend applications of the selected OpenIM account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search accounts (address, state, detail)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::AdminPage</name>
    <message>
        <source>Result of the last action</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::AppController</name>
    <message numerus="yes">
        <source>Move the %n inline token(s) into the system keychain? The copy written for ChannelTray will then hold no token in plain text.</source>
        <translation>
            <numerusform>Move the %n inline token into the system keychain? The copy written for ChannelTray will then hold no token in plain text.</numerusform>
            <numerusform>Move the %n inline tokens into the system keychain? The copy written for ChannelTray will then hold no token in plain text.</numerusform>
        </translation>
    </message>
    <message>
        <source>The message history could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems in %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system tray was found on this desktop, so ChannelTray runs in this window. Closing it quits the application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 of %2 could not be stored in the keychain: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from openclaw.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message history could not be read; it was moved to %1 and a new one was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Received messages cannot be stored in the history (%1); %n message(s) are kept in memory and stored when it works again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The message history could not be read (%1); it was moved to %2 and a new one was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the gateway&apos;s configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this file in place? ChannelTray then reads and edits %1 itself, changing only what you change (comments and the gateway&apos;s own settings stay as they are, the previous version is kept as %1.bak), and refreshed tokens land where the gateway reads them. Tokens written in it stay there. The choice is remembered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using the gateway&apos;s configuration %1 in place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy these accounts into ChannelTray&apos;s own configuration? Keys ChannelTray does not know are kept as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old history is kept at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It could not be read (%1). The old history is kept at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message history restarted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message history has a problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message history %1 was deleted while ChannelTray ran. A new one was started there: it holds the messages from then on, and those being stored at that moment; the older ones went with the deleted file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message history %1 was replaced by another file while ChannelTray ran. That file is the history now: it holds the messages from then on, and those being stored at that moment; the messages of the replaced file are not in it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::ApplicationsPage</name>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Upload icon…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remo&amp;ve icon…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate &amp;token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an application icon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotating a token needs Gotify 3 or later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application “%1” created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token of “%1” is shown only now; copy it before closing this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Icon uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove icon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the icon of “%1”? Gotify shows its default icon instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Icon removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue a new token for “%1”? Everything that still posts with the old token stops working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token of “%1” was rotated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new token of “%1” is shown only now; copy it before closing this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the application “%1” and all of its messages? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application “%1” deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::ClientsPage</name>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client “%1” created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token of “%1” is shown only now; copy it before closing this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client renamed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the client “%1”? Whatever uses its token is signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client “%1” deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::ContactsDialog</name>
    <message numerus="yes">
        <source>%n friend(s)</source>
        <translation>
            <numerusform>%n friend</numerusform>
            <numerusform>%n friends</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending application(s)</source>
        <translation>
            <numerusform>%n pending application</numerusform>
            <numerusform>%n pending applications</numerusform>
        </translation>
    </message>
    <message>
        <source>User ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending friend applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Friends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pending applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts cannot be read in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the contacts of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts are not available: %1. Set disableFriendSdk to false for this account to allow friend API calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contacts could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::DemoStarter</name>
    <message>
        <source>Starting the demo servers (%1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the demo configuration at %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting ChannelTray on the demo configuration %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo servers (channeltray-sandbox) were not found. They are installed with ChannelTray unless it was built with CHANNELTRAY_BUILD_DEMO=OFF; looked for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo servers did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo servers did not write their configuration (%1) in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ChannelTray could not be started on the demo configuration (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not available in this build)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::DiagnosticsTab</name>
    <message>
        <source>Event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual-login marker files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Event log (state changes since start):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual-login &amp;marker files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No marker files: no account is waiting for a manual login.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::GotifyAdminWindow</name>
    <message>
        <source>Gotify administration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gotify account to administer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acc&amp;ount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no Gotify account to administer. Add one in the Accounts tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Gotify account whose server you want to administer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no running connection (disabled, or its tokens could not be read), so its server cannot be administered now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::GotifyForm</name>
    <message>
        <source>&amp;Receive messages (client token needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gotify server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used to send messages. Stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used to receive messages and for administration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pplication token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lient token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default p&amp;riority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the keychain — leave empty to keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an application token (to send) or a client token (to receive), or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving messages needs a client token.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::HistoryModel</name>
    <message>
        <source>→ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::MainWindow</name>
    <message>
        <source>ChannelTray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ChannelTray main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::MessageView</name>
    <message>
        <source>Message text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a message to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an image this program can show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::MessagesPage</name>
    <message numerus="yes">
        <source>Page %1, %n message(s)</source>
        <translation>
            <numerusform>Page %1, %n message</numerusform>
            <numerusform>Page %1, %n messages</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Older</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete all of this appl&amp;ication…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete &amp;every message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application whose messages are shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pplication:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete message %1 from the server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete every message of “%1” from the server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The messages of “%1” were deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete every message of every application from the server? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All messages were deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::MessagesTab</name>
    <message>
        <source>A&amp;ccount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessio&amp;n:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search title and text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 unread)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete from this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::NotificationMenus</name>
    <message>
        <source>Mute notifications from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop snoozing %1 (until %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze %1 for 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours (%1–%2, priority %3 and above still shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>application %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conversation %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::NotificationPopup</name>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::OpenImForm</name>
    <message>
        <source>Only group messages that &amp;mention this account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable the &amp;friend SDK (friend guard on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenIM token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway WebSocket address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST API address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the user&apos;s JWT. Stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gateway (ws://):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;API (http://):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pla&amp;tform ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hook command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token refresh mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh endpoint URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh hook command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual-login marker path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token refresh (all OpenIM accounts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoo&amp;k command:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ma&amp;rker file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the keychain — leave empty to keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a readable JWT: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXPIRED %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An OpenIM account needs a token.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::ProbeTable</name>
    <message>
        <source>&amp;Probe now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks every connected account against its server now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health probes are not available in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ser&amp;ver probes (as doctor --probe):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each account is probed on its health-check interval, shortly after start, and when you press Probe now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not probed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not probed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reachable, with problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>health %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, health %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::ProxyField</name>
    <message>
        <source>Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system (default), none, http://host:port or socks5://host:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: the system&apos;s proxy (never for servers on this machine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::SendDialog</name>
    <message>
        <source>&amp;Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send test message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account to send from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user:&lt;userID&gt; or group:&lt;groupID&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture (URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video (URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File (URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media U&amp;RL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose an account —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the account to send from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the message text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The click URL must be an http:// or https:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the recipient as user:&lt;userID&gt; or group:&lt;groupID&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the http:// or https:// URL of the picture, video or file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending from %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent. Server id %1 at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::TokenReveal</name>
    <message>
        <source>&amp;Copy token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the new token to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::TrayController</name>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n unread message</numerusform>
            <numerusform>%n unread messages</numerusform>
        </translation>
    </message>
    <message>
        <source>ChannelTray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next retry: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Messages cannot be stored in the history (%1); %n kept in memory until it works again</source>
        <translation>
            <numerusform>Messages cannot be stored in the history (%1); %n kept in memory until it works again</numerusform>
            <numerusform>Messages cannot be stored in the history (%1); %n kept in memory until it works again</numerusform>
        </translation>
    </message>
    <message>
        <source>The message history could not be read; it was kept at %1 and a new one was started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message history %1 was deleted; a new one holds the messages from then on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message history %1 was replaced; the file in its place holds the messages from then on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message history has a problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::TrayMenu</name>
    <message>
        <source>No accounts yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Need attention: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2: %3 of %4 connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (%n unread)</source>
        <translation>
            <numerusform> (%n unread)</numerusform>
            <numerusform> (%n unread)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Reconnect now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send test message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy session key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Messages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gotify administration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Diagnostics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;bout ChannelTray…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at &amp;login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ct::ui::WelcomePage</name>
    <message>
        <source>&lt;h2&gt;Welcome to ChannelTray&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ChannelTray keeps your Gotify and OpenIM accounts connected, shows their health in the system tray and keeps every message it receives. There is no configuration yet. How would you like to start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a &amp;Gotify account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a Gotify server with an application or client token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an &amp;OpenIM account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a bot or user account to an OpenIM server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import from openclaw.json…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the accounts of an existing OpenClaw gateway configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start local demo servers and watch live accounts without any setup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use the gateway&apos;s openclaw.json in place…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read and edit the gateway&apos;s own configuration file, where the gateway reads it; refreshed tokens land there too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use %1 in place…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import a copy of %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
