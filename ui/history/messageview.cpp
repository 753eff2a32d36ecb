#include "messageview.h"

#include "net/imagefetcher.h"

#include <QScrollBar>
#include <QTextCursor>
#include <QTextDocument>
#include <QUrl>

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
    ++m_generation;
    m_image = {};
    m_imageError.clear();
    m_imageState = ImageState::None;
    if (!record) {
        m_record.reset();
        m_markdown = false;
        clear();
        return;
    }
    m_record = *record;
    const QString url = record->message.imageUrl;
    if (!url.isEmpty() && m_fetcher) {
        m_imageState = ImageState::Loading;
        const quint64 generation = m_generation;
        m_fetcher->fetch(QUrl(url), this, [this, generation](const QByteArray &bytes, const QString &error) {
            imageArrived(generation, bytes, error);
        });
    }
    render();
}

void MessageView::imageArrived(quint64 generation, const QByteArray &bytes, const QString &error)
{
    if (generation != m_generation || !m_record)
        return; // another message is shown now
    QImage image;
    if (error.isEmpty() && !image.loadFromData(bytes)) {
        m_imageState = ImageState::Failed;
        m_imageError = tr("not an image this program can show");
    } else if (!error.isEmpty()) {
        m_imageState = ImageState::Failed;
        m_imageError = error;
    } else {
        const int width = qMax(64, qMin(kMaxImageWidth, viewport()->width() - 24));
        m_image = image.width() > width ? image.scaledToWidth(width, Qt::SmoothTransformation) : image;
        m_imageState = ImageState::Shown;
    }
    const int scroll = verticalScrollBar()->value();
    render();
    verticalScrollBar()->setValue(scroll);
}

void MessageView::render()
{
    m_markdown = false;
    const InboundMessage &m = m_record->message;
    QString header;
    if (!m.title.isEmpty())
        header += QStringLiteral("<h3>%1</h3>").arg(m.title.toHtmlEscaped());
    const QDateTime t = m.serverTime.isValid() ? m.serverTime : m_record->storedAt;
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
    const auto note = [&](const QString &text) {
        end.insertBlock();
        end.insertHtml(QStringLiteral("<i style='color:gray'>%1</i>").arg(text.toHtmlEscaped()));
    };
    switch (m_imageState) {
    case ImageState::Loading:
        note(tr("Loading the image…"));
        break;
    case ImageState::Failed:
        note(tr("The image could not be shown: %1").arg(m_imageError));
        break;
    case ImageState::Shown:
        end.insertBlock();
        end.insertImage(m_image, QStringLiteral("channeltray-message-image-%1").arg(m_generation));
        break;
    case ImageState::None:
        break;
    }
}

} // namespace ct::ui
