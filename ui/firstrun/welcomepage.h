#pragma once
// What a new user sees when there is no config yet: four ways to start.
#include <QWidget>

class QLabel;
class QPushButton;

namespace ct::ui {

class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // Shown under the buttons, e.g. where an openclaw.json was found.
    void setImportHint(const QString &path);
    // The demo's progress or error under the buttons; empty text hides it.
    void setDemoStatus(const QString &text, bool isError);
    QString demoStatus() const;
    // While the demo starts its button is disabled.
    void setDemoBusy(bool busy);
    QPushButton *demoButton() const { return m_demo; }

Q_SIGNALS:
    void addGotifyRequested();
    void addOpenImRequested();
    void importRequested();
    void demoRequested();

private:
    QPushButton *m_import;
    QPushButton *m_demo;
    QLabel *m_demoStatus;
};

} // namespace ct::ui
