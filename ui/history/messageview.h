#pragma once
// One message, shown in full: markdown rendered for text/markdown (QTextDocument::setMarkdown),
// links clickable, the click URL and image URL offered as links (opened by the desktop, never
// fetched by ui/).
#include "inbound/historyquery.h"

#include <QTextBrowser>

namespace ct::ui {

class MessageView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit MessageView(QWidget *parent = nullptr);
    void showRecord(const HistoryRecord *record);
    // Whether the current document was rendered from markdown (for tests).
    bool isMarkdown() const { return m_markdown; }

private:
    bool m_markdown = false;
};

} // namespace ct::ui
