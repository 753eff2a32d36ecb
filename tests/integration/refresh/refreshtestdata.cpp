// Fixture texts, kept out of the test sources because moc does not parse raw string literals.
#include "refreshtesthelpers.h"

namespace refreshtest {

QByteArray handFormattedConfig()
{
    // Hand-formatted on purpose: odd spacing, key order, unknown keys, unicode, escapes.
    return R"({
  "gateway":   {"port": 18789, "note": "caf\u00e9 — ünïcode"},
  "channels": {
    "multi-openim": {
      "tokenRefresh": { "mode": "http" },
      "accounts": {
        "primary":  { "wsAddr": "ws://127.0.0.1:1",   "token":  "old-inline-token-0123456789", "x": [1,2 ,3] },
        "second": { "wsAddr": "ws://127.0.0.1:2" }
      }
    }
  },
  "zzz": null
}
)";
}

QByteArray stateFileText()
{
    return R"({"primary": {"refreshToken": "rt-secret-1", "deviceId": "dev-9"},
               "second": {"refreshToken": "rt-second", "deviceId": "dev-2"}})";
}

QByteArray killPatchTemplate()
{
    return R"({
  "channels": { "multi-openim": { "accounts": {
      "primary": { "wsAddr": "ws://127.0.0.1:1", "token": "TOKEN", "enabled": true },
      "other":   { "token": "other-token" } } } },
  "big": ")"
           + QByteArray(64 * 1024, 'b') + R"("
}
)";
}

} // namespace refreshtest
