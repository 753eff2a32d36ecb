// channeltray-render-icon SVG PNG SIZE: renders the application icon at SIZE×SIZE pixels for the
// hicolor theme (a build step; not installed). Qt's own SVG renderer, the one the tray uses.
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <cstdio>

int main(int argc, char **argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: channeltray-render-icon SVG PNG SIZE\n");
        return 2;
    }
    // Shapes only: painting into a QImage needs no QGuiApplication (and so no display).
    const int size = QByteArray(argv[3]).toInt();
    QSvgRenderer renderer(QString::fromLocal8Bit(argv[1]));
    if (!renderer.isValid() || size <= 0) {
        std::fprintf(stderr, "channeltray-render-icon: cannot render %s at %s px\n", argv[1], argv[3]);
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();
    if (!image.save(QString::fromLocal8Bit(argv[2]), "PNG")) {
        std::fprintf(stderr, "channeltray-render-icon: cannot write %s\n", argv[2]);
        return 1;
    }
    return 0;
}
