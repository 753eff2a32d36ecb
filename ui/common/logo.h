#pragma once
// The application's logo, painted directly: the shapes of resources/icons/channeltray.svg (the
// installed icon, rendered from that file at build time). The tray and its windows draw it this
// way so the process never loads Qt's SVG module and its icon plugin (issue 11: about 0.4 MiB of
// a one-account tray); tst_gui_trayiconengine checks that the two agree pixel for pixel.
#include <QIcon>

class QPainter;
class QRectF;

namespace ct::ui {

// Paints the logo into `rect` (the SVG's 64×64 view box scaled to it), antialiased.
void paintLogo(QPainter *painter, const QRectF &rect);

// The logo as an icon at any size: the application's and the main window's icon.
QIcon logoIcon();

} // namespace ct::ui
