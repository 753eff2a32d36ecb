#pragma once
// How the send dialog sends: the application passes a Sender (in the tray, AppRuntime::send);
// ui/ does no sending itself. Request and result are the core's, the same for every channel.
#include "accounts/sendrequest.h"

#include <functional>

namespace ct::ui {

using SendDone = std::function<void(const SendResult &result)>;
using Sender = std::function<void(const SendRequest &request, SendDone done)>;

} // namespace ct::ui
