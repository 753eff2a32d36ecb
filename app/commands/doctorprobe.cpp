#include "doctorprobe.h"

#include "gotify/gotifyendpoint.h"
#include "gotify/gotifyprobe.h"
#include "openim/openimprobe.h"

#include <QJsonArray>

namespace ct::cli {

namespace {

ProbeOutcome probeGotify(const GotifyAccountConfig &account, const QMap<QString, QString> &tokens)
{
    const GotifyEndpoint endpoint = GotifyEndpoint::fromConfig(account, tokens.value(QStringLiteral("appToken")),
                                                               tokens.value(QStringLiteral("clientToken")));
    const GotifyProbeResult r = GotifyProbe::runBlocking(endpoint);
    ProbeOutcome out;
    out.ok = r.ok();
    out.report = r.toJson();
    if (!out.ok)
        out.problem = r.problems.isEmpty() ? QStringLiteral("the server probe failed")
                                           : r.problems.join(QStringLiteral("; "));
    return out;
}

ProbeOutcome probeOpenIm(const OpenImAccountConfig &account, const QMap<QString, QString> &tokens)
{
    const OpenImProbeResult r = OpenImProbe::runBlocking(account, tokens.value(QStringLiteral("token")));
    ProbeOutcome out;
    out.ok = r.reachable && r.tokenValid;
    out.report = QJsonObject{
        {"reachable", r.reachable}, {"tokenAccepted", r.tokenValid}, {"latencyMs", r.latencyMs}};
    if (!r.userID.isEmpty())
        out.report.insert(QStringLiteral("user"), r.userID);
    if (!r.nickname.isEmpty())
        out.report.insert(QStringLiteral("nickname"), r.nickname);
    if (r.expiresAt.isValid())
        out.report.insert(QStringLiteral("tokenExpiresAt"), r.expiresAt.toString(Qt::ISODate));
    if (r.errCode != 0)
        out.report.insert(QStringLiteral("errCode"), r.errCode);
    if (!out.ok)
        out.problem = !r.error.isEmpty() ? r.error
                      : !r.reachable
                          ? QStringLiteral("the OpenIM REST API at %1 is not reachable").arg(account.apiAddr)
                          : QStringLiteral("the server refused the token");
    return out;
}

} // namespace

ProbeOutcome probeAccount(const Config &config, const AccountAddress &address,
                          const QMap<QString, QString> &tokens)
{
    if (const GotifyAccountConfig *g = address.channel == kGotifyChannel ? config.gotifyAccount(address.accountId)
                                                                         : nullptr)
        return probeGotify(*g, tokens);
    if (const OpenImAccountConfig *o = address.channel == kOpenImChannel ? config.openimAccount(address.accountId)
                                                                         : nullptr)
        return probeOpenIm(*o, tokens);
    ProbeOutcome out;
    out.problem = QStringLiteral("no such account");
    return out;
}

} // namespace ct::cli
