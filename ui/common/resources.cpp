#include "resources.h"

#include <QtGlobal>

static void initChannelTrayResources()
{
    Q_INIT_RESOURCE(channeltray);
}

namespace ct::ui {

void initResources()
{
    static const bool done = [] {
        initChannelTrayResources();
        return true;
    }();
    Q_UNUSED(done);
}

} // namespace ct::ui
