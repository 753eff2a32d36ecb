#pragma once
// One message, shown in full: markdown rendered for text/markdown (QTextDocument::setMarkdown),
// links clickable, the click URL and image URL offered as links. A message with an image URL
// shows a placeholder and, only once it is displayed, asks the core's ImageFetcher for the image
// (ui/ does no network itself); the image is decoded here and scaled to at most kMaxImageWidth.
#include "inbound/historyquery.h"

#include <QImage>
#include <QTextBrowser>
#include <optional>

namespace ct {
class ImageFetcher;
}

namespace ct::ui {

class MessageView : public QTextBrowser
{
    Q_OBJECT
public:
    static constexpr int kMaxImageWidth = 480;
    enum class ImageState { None, Loading, Shown, Failed };

    explicit MessageView(QWidget *parent = nullptr);
    // Without a fetcher an image URL is only offered as a link.
    void setImageFetcher(ImageFetcher *fetcher) { m_fetcher = fetcher; }
    void showRecord(const HistoryRecord *record);
    // Whether the current document was rendered from markdown (for tests).
    bool isMarkdown() const { return m_markdown; }
    ImageState imageState() const { return m_imageState; }
    QImage shownImage() const { return m_image; }

private:
    void render();
    void imageArrived(quint64 generation, const QByteArray &bytes, const QString &error);

    ImageFetcher *m_fetcher = nullptr;
    std::optional<HistoryRecord> m_record;
    bool m_markdown = false;
    ImageState m_imageState = ImageState::None;
    QImage m_image;
    QString m_imageError;
    quint64 m_generation = 0; // an image for an earlier message is dropped
};

} // namespace ct::ui
