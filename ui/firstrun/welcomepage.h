#pragma once
// What a new user sees when there is no config yet: four ways to start.
#include <QWidget>

class QPushButton;

namespace ct::ui {

class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // Shown under the buttons, e.g. where an openclaw.json was found.
    void setImportHint(const QString &path);

Q_SIGNALS:
    void addGotifyRequested();
    void addOpenImRequested();
    void importRequested();
    void demoRequested();

private:
    QPushButton *m_import;
};

} // namespace ct::ui
