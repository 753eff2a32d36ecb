#include "translations.h"

#include "resources.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QStringList>
#include <QTranslator>

namespace ct::ui {

QString langFromArgs(const QStringList &args)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--lang") && i + 1 < args.size())
            return args.at(i + 1);
        if (args.at(i).startsWith(QLatin1String("--lang=")))
            return args.at(i).mid(7);
    }
    return {};
}

QString installTranslations(QCoreApplication &app, const QString &lang)
{
    initResources();
    const QLocale locale = lang.isEmpty() ? QLocale::system() : QLocale(lang);
    auto *ours = new QTranslator(&app);
    if (!ours->load(locale, QStringLiteral("channeltray"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete ours;
        return QStringLiteral("en");
    }
    app.installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    QLocale::setDefault(locale);
    return locale.name();
}

} // namespace ct::ui
