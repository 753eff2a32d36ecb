#pragma once
// The icons and translations live in this static library's resources; a static library's
// resource initialiser is only linked in when something references it, so every class that
// reads ":/…" calls this first. Cheap after the first call.
namespace ct::ui {
void initResources();
} // namespace ct::ui
