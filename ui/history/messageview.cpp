#include "messageview.h"

#include <QTextCursor>
#include <QTextDocument>

namespace ct::ui {

MessageView::MessageView(QWidget *parent) : QTextBrowser(parent)
{
    setOpenExternalLinks(true);
    setOpenLinks(true);
    setAccessibleName(tr("Message text"));
    setPlaceholderText(tr("Select a message to read it."));
}

void MessageView::showRecord(const HistoryRecord *record)
{
    m_markdown = false;
    if (!record) {
        clear();
        return;
    }
    const InboundMessage &m = record->message;
    QString header;
    if (!m.title.isEmpty())
        header += QStringLiteral("<h3>%1</h3>").arg(m.title.toHtmlEscaped());
    const QDateTime t = m.serverTime.isValid() ? m.serverTime : record->storedAt;
    header += QStringLiteral("<p style='color:gray'>%1 · %2 · %3</p>")
                  .arg(m.account.toString().toHtmlEscaped(),
                       t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                       m.sessionKey.toHtmlEscaped());

    auto *doc = document();
    if (m.contentType == QLatin1String("text/markdown")) {
        doc->setMarkdown(m.text);
        m_markdown = true;
        QTextCursor cursor(doc);
        cursor.movePosition(QTextCursor::Start);
        cursor.insertHtml(header);
        cursor.insertBlock();
    } else {
        QString body = m.text.toHtmlEscaped();
        body.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        setHtml(header + QStringLiteral("<p>%1</p>").arg(body));
    }
    QTextCursor end(doc);
    end.movePosition(QTextCursor::End);
    const auto link = [&](const QString &label, const QString &url) {
        if (url.isEmpty())
            return;
        end.insertBlock();
        end.insertHtml(QStringLiteral("%1 <a href=\"%2\">%3</a>")
                           .arg(label.toHtmlEscaped(), url.toHtmlEscaped(), url.toHtmlEscaped()));
    };
    link(tr("Open:"), m.clickUrl);
    link(tr("Image:"), m.imageUrl);
}

} // namespace ct::ui
