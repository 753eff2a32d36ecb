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

    // Where the gateway's openclaw.json was found (empty: none): offers to use it in place or
    // to import a copy of it.
    void setImportHint(const QString &path);
    QPushButton *inPlaceButton() const { return m_inPlace; }
    QPushButton *importButton() const { return m_import; }
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
    void useInPlaceRequested();
    void demoRequested();

private:
    QPushButton *m_inPlace;
    QPushButton *m_import;
    QPushButton *m_demo;
    QLabel *m_demoStatus;
};

} // namespace ct::ui
