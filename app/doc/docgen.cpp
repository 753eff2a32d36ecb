// channeltray-docgen man|bash|zsh OUT [VERSION DATE]: writes the man page or a shell completion,
// rendered from the command-line table (app/doc/clidoc.cpp). A build step; not installed.
#include "clidoc.h"

#include <QFile>
#include <cstdio>

int main(int argc, char **argv)
{
    const QByteArray kind = argc > 2 ? QByteArray(argv[1]) : QByteArray();
    QString text;
    if (kind == "man" && argc == 5)
        text = ct::cli::manPage(QString::fromUtf8(argv[3]), QString::fromUtf8(argv[4]));
    else if (kind == "bash" && argc == 3)
        text = ct::cli::bashCompletion();
    else if (kind == "zsh" && argc == 3)
        text = ct::cli::zshCompletion();
    else {
        std::fprintf(stderr, "usage: channeltray-docgen man OUT VERSION DATE | bash OUT | zsh OUT\n");
        return 2;
    }
    QFile out(QString::fromLocal8Bit(argv[2]));
    if (!out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0 || !out.flush()) {
        std::fprintf(stderr, "channeltray-docgen: cannot write %s\n", argv[2]);
        return 1;
    }
    return 0;
}
