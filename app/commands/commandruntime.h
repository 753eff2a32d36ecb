#pragma once
// The runtime of a one-shot command (`doctor`, `accounts`, `history`): an AppRuntime made with
// AppRuntime::Options::offline, the one owner of the tokens, the keychain and the history, as
// in the tray and `watch`; the commands print what it answers. Its answers come through
// callbacks: awaitCallback waits for one (docs/architecture.md "Who owns what").
#include "config/configmodel.h"

#include <QEventLoop>
#include <QPointer>
#include <memory>
#include <optional>

namespace ct {
class AppRuntime;
}

namespace ct::cli {

// Calls start(done) and returns what `done` was given, running a local event loop until then
// (none when it is called at once). FOR COMMAND-LINE CODE ONLY.
template <typename T, typename Start> T awaitCallback(Start start)
{
    auto answer = std::make_shared<std::optional<T>>();
    QEventLoop loop;
    const QPointer<QEventLoop> waiting(&loop);
    start([answer, waiting](const T &value) {
        *answer = value;
        if (waiting)
            waiting->quit();
    });
    while (!answer->has_value())
        loop.exec();
    return **answer;
}

// AppRuntime::applyConfig, returning once it is applied (tokens resolved, accounts built).
void applyConfigAndWait(AppRuntime &runtime, const Config &config);

} // namespace ct::cli
