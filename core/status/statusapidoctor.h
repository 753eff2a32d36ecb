#pragma once
// What `doctor` reports about channeltray.statusApi: whether it is on and where, where its
// bearer token comes from (inline / keychain / missing — never the token), problems (a bad
// `listen`, a keychain that cannot answer) and warnings (an address beyond this machine).
// FOR COMMAND-LINE CODE ONLY: the keychain is read blocking, and only when the endpoint is on
// and its token is not inline.
#include "config/configmodel.h"

#include <QJsonObject>
#include <QStringList>

namespace ct {

class TokenResolver;

struct StatusApiReport
{
    QJsonObject json;     // {"enabled","listen","loopback","token","problems","warnings","notes"}
    QStringList problems; // make doctor fail
    QStringList warnings;
    QStringList notes;
    QString summary; // one line for the text output
};

StatusApiReport inspectStatusApi(const Config &config, TokenResolver &resolver);

// The bearer token for a command that serves the endpoint (`watch`): inline, else the keychain
// entry. False (and *error) when the keychain could not answer: then the endpoint must not run.
bool resolveStatusApiToken(const Config &config, TokenResolver &resolver, QString *token, QString *error);

} // namespace ct
