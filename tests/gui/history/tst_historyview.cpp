// The Messages tab over a real HistoryStore (SQLite in a temporary folder): rows are fetched a
// page at a time as the view asks, filters and search go to the store, markdown is rendered,
// and reading a message marks it read; a read one can be marked unread again; a deleted one is
// gone for good; the view sorts by priority through the store.
#include "gui/guitesthelpers.h"
#include "history/historymodel.h"
#include "history/messagestab.h"
#include "history/messageview.h"
#include "inbound/historystore.h"
#include "net/imagefetcher.h"

#include <QComboBox>
#include <QHeaderView>
#include <QImage>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QtTest>

using namespace ct;
using namespace ct::ui;
using namespace ct::guitest;

namespace {
InboundMessage message(const QString &account, int id, const QString &text,
                       const QString &session = QStringLiteral("agent:main:main"))
{
    InboundMessage m;
    m.account = AccountAddress::parse(account);
    m.id = QString::number(id);
    m.title = QStringLiteral("Title %1").arg(id);
    m.text = text;
    m.contentType = QStringLiteral("text/plain");
    m.sessionKey = session;
    m.peer = QStringLiteral("7");
    m.serverTime = QDateTime::currentDateTimeUtc().addSecs(id);
    return m;
}

} // namespace

class TestHistoryView : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    HistoryStore *m_store = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        m_store = new HistoryStore(m_dir.path() + QStringLiteral("/history.sqlite"), this);
        QString error;
        QVERIFY2(m_store->open(&error), qPrintable(error));
        QList<InboundMessage> batch;
        for (int i = 1; i <= 250; ++i)
            batch << message(QStringLiteral("gotify/ops"), i, QStringLiteral("disk at %1 percent").arg(i % 100),
                             i % 2 ? QStringLiteral("agent:main:gotify:direct:7")
                                   : QStringLiteral("agent:main:gotify:direct:9"));
        InboundMessage md = message(
            QStringLiteral("gotify/alerts"), 1000,
            QStringLiteral("# Build **failed**\n\nSee [the log](https://ci.example.com/42)."));
        md.contentType = QStringLiteral("text/markdown");
        md.clickUrl = QStringLiteral("https://ci.example.com/42");
        batch << md;
        QList<bool> inserted;
        QVERIFY2(m_store->storeBatch(batch, &inserted, &error), qPrintable(error));
        QCOMPARE(inserted.count(true), 251);
    }

    void messageView_imageUrl_placeholderThenTheImageScaled_fetchedOnlyWhenShown()
    {
        QImage wide(2000, 500, QImage::Format_RGB32);
        wide.fill(Qt::darkCyan);
        const QString path = m_dir.filePath(QStringLiteral("wide.png"));
        QVERIFY(wide.save(path));
        ImageFetcher fetcher;
        MessageView view;
        view.resize(700, 500);
        view.setImageFetcher(&fetcher);
        HistoryRecord plain;
        plain.message = message(QStringLiteral("gotify/ops"), 1, QStringLiteral("no picture"));
        view.showRecord(&plain);
        QCOMPARE(view.imageState(), MessageView::ImageState::None);
        QCOMPARE(fetcher.requestsStarted(), 0);

        HistoryRecord pic;
        pic.message = message(QStringLiteral("gotify/ops"), 2, QStringLiteral("see the chart"));
        pic.message.imageUrl = QUrl::fromLocalFile(path).toString();
        view.showRecord(&pic);
        QCOMPARE(view.imageState(), MessageView::ImageState::Loading);
        QVERIFY(view.toPlainText().contains(QStringLiteral("Loading the image")));
        QTRY_COMPARE(view.imageState(), MessageView::ImageState::Shown);
        QCOMPARE(fetcher.requestsStarted(), 1);
        QVERIFY(view.shownImage().width() <= MessageView::kMaxImageWidth);
        QCOMPARE(view.shownImage().width() * 4, view.shownImage().height() * 16);
        QVERIFY(!view.toPlainText().contains(QStringLiteral("Loading the image")));
        QVERIFY(view.toPlainText().contains(QStringLiteral("see the chart")));

        // Another message before an image arrives: the late image is not shown there.
        view.showRecord(&pic);
        view.showRecord(&plain);
        QCoreApplication::processEvents();
        QCOMPARE(view.imageState(), MessageView::ImageState::None);
        QCOMPARE(fetcher.requestsStarted(), 1); // the second showing came from the cache
    }

    void messageView_unfetchableImage_saysWhyInPlace()
    {
        ImageFetcher fetcher;
        MessageView view;
        view.setImageFetcher(&fetcher);
        HistoryRecord bad;
        bad.message = message(QStringLiteral("gotify/ops"), 3, QStringLiteral("broken"));
        bad.message.imageUrl = QStringLiteral("ftp://127.0.0.1/x.png");
        view.showRecord(&bad);
        QTRY_COMPARE(view.imageState(), MessageView::ImageState::Failed);
        QVERIFY(view.toPlainText().contains(QStringLiteral("The image could not be shown")));

        const QString notImage = m_dir.filePath(QStringLiteral("text.png"));
        QFile f(notImage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("plain text, not a PNG");
        f.close();
        bad.message.imageUrl = QUrl::fromLocalFile(notImage).toString();
        view.showRecord(&bad);
        QTRY_COMPARE(view.imageState(), MessageView::ImageState::Failed);
        QVERIFY(view.toPlainText().contains(QStringLiteral("not an image")));
    }

    void model_fetchesLazily_pageByPage()
    {
        // (No QAbstractItemModelTester here: it calls fetchMore itself and would load every page.)
        HistoryModel model(m_store);
        model.setPageSize(100);
        model.reload();
        QCOMPARE(model.rowCount(), 100);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 200);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 251);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.fetchedPages(), 3);
        // Newest first, never a duplicate across pages.
        QSet<qint64> ids;
        for (int r = 0; r < model.rowCount(); ++r)
            ids.insert(model.index(r, 0).data(HistoryModel::RowIdRole).toLongLong());
        QCOMPARE(ids.size(), 251);
        QCOMPARE(model.recordAt(0)->message.id, QStringLiteral("1000"));
    }

    void model_filtersByAccountSessionAndText()
    {
        HistoryModel model(m_store);
        model.setFilter(AccountAddress::parse(QStringLiteral("gotify/alerts")), {}, {});
        QCOMPARE(model.rowCount(), 1);
        model.setFilter(AccountAddress::parse(QStringLiteral("gotify/ops")),
                        QStringLiteral("agent:main:gotify:direct:9"), {});
        QCOMPARE(model.rowCount(), 100); // first page of 125
        QVERIFY(model.canFetchMore({}));
        model.setFilter({}, {}, QStringLiteral("disk at 42 percent"));
        QCOMPARE(model.rowCount(), 3); // 42, 142, 242
        QCOMPARE(model.index(0, HistoryModel::MessageColumn).data().toString(),
                 QStringLiteral("Title 242 — disk at 42 percent"));
    }

    void tab_viewScrollsMoreIn_andRendersMarkdown()
    {
        AccountRegistry registry(drivenFactory());
        registry.setConfig(sampleConfig());
        MessagesTab tab(&registry, m_store);
        // The tab only asks for the read mark; in the tray AppRuntime::markRead answers.
        QSignalSpy readRequests(&tab, &MessagesTab::readRequested);
        connect(&tab, &MessagesTab::readRequested, m_store,
                [this](const QList<qint64> &rows) { m_store->markRead(rows); });
        tab.resize(900, 600);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QCOMPARE(tab.model()->rowCount(), 100);
        tab.view()->scrollToBottom(); // the view asks for the next page itself
        QTRY_VERIFY(tab.model()->rowCount() > 100);

        tab.view()->setCurrentIndex(tab.model()->index(0, 0)); // the markdown message
        QVERIFY(tab.messageView()->isMarkdown());
        const QString plain = tab.messageView()->toPlainText();
        QVERIFY2(plain.contains(QStringLiteral("Build failed")), qPrintable(plain));
        QVERIFY(!plain.contains(QStringLiteral("**")));
        QVERIFY(tab.messageView()->toHtml().contains(QStringLiteral("https://ci.example.com/42")));
        QVERIFY(tab.messageView()->openExternalLinks());
        QCOMPARE(readRequests.size(), 1);
        QCOMPARE(readRequests.first().first().value<QList<qint64>>(),
                 QList<qint64>{tab.model()->recordAt(0)->rowId});
        QCOMPARE(m_store->unreadCount(AccountAddress::parse(QStringLiteral("gotify/alerts"))), 0);

        tab.searchField()->setText(QStringLiteral("disk at 7 percent"));
        QTRY_COMPARE(tab.model()->rowCount(), 3);
    }

    // Issue 11: the account filter follows the registry a row at a time. An added account is
    // one row inserted, whatever the number of accounts (it was every row removed and added
    // again, and the sessions re-read, per account); a state change touches the list not at
    // all; the chosen account stays chosen, and when it is removed the filter shows all.
    void accountFilter_anAddedAccountIsOneRow_with50Or400Accounts_stateChangesTouchNothing()
    {
        for (const int n : {50, 400}) {
            AccountRegistry registry(drivenFactory());
            registry.setConfig(botsConfig(evenNumbers(n)));
            MessagesTab tab(&registry, m_store);
            QComboBox *filter = tab.accountFilter();
            QAbstractItemModel *choices = filter->model();
            QCOMPARE(choices->rowCount(), n + 1);
            const QString chosen = QStringLiteral("gotify/bot0040");
            tab.showAccount(AccountAddress::parse(chosen));
            QCOMPARE(filter->currentData().toString(), chosen);

            int inserted = 0, removed = 0, resets = 0, changes = 0;
            QObject counting; // the counters live in this function: so do the connections
            connect(choices, &QAbstractItemModel::rowsInserted, &counting,
                    [&](const QModelIndex &, int first, int last) { inserted += last - first + 1; });
            connect(choices, &QAbstractItemModel::rowsRemoved, &counting,
                    [&](const QModelIndex &, int first, int last) { removed += last - first + 1; });
            connect(choices, &QAbstractItemModel::modelReset, &counting, [&] { ++resets; });
            connect(choices, &QAbstractItemModel::dataChanged, &counting, [&] { ++changes; });
            QSignalSpy reread(tab.model(), &QAbstractItemModel::modelReset);

            QList<int> more = evenNumbers(n);
            more << 1 << 2 * n + 1; // one above the chosen account, one at the end
            registry.setConfig(botsConfig(more));
            QCOMPARE(inserted, 2);
            QCOMPARE(removed, 0);
            QCOMPARE(resets, 0);
            QCOMPARE(filter->itemText(2), QStringLiteral("gotify/bot0001"));
            QCOMPARE(filter->currentData().toString(), chosen);
            QCOMPARE(reread.size(), 0); // the messages shown were not read again

            registry.startAll();
            driven(registry, chosen)->drive(AccountState::Connected);
            QCOMPARE(changes, 0);

            more.removeOne(40);
            registry.setConfig(botsConfig(more));
            QCOMPARE(removed, 1);
            QCOMPARE(filter->currentIndex(), 0);
            QCOMPARE(filter->currentData().toString(), QString());
            QCOMPARE(choices->rowCount(), n + 2);
        }
    }

    void showMessage_selectsItBeyondTheFirstPage_andAsksToMarkItRead()
    {
        AccountRegistry registry(drivenFactory());
        registry.setConfig(sampleConfig());
        MessagesTab tab(&registry, m_store);
        tab.searchField()->setText(QStringLiteral("no such text")); // cleared by showMessage
        QSignalSpy read(&tab, &MessagesTab::messageRead);
        QSignalSpy rows(&tab, &MessagesTab::readRequested);
        const AccountAddress ops = AccountAddress::parse(QStringLiteral("gotify/ops"));
        QVERIFY(tab.showMessage(ops, QStringLiteral("20"))); // the 231st newest of gotify/ops
        QVERIFY(tab.searchField()->text().isEmpty());
        QVERIFY(tab.model()->rowCount() > 200);
        const HistoryRecord *r = tab.model()->recordAt(tab.view()->currentIndex().row());
        QVERIFY(r);
        QCOMPARE(r->message.id, QStringLiteral("20"));
        QVERIFY(tab.messageView()->toPlainText().contains(QStringLiteral("disk at 20 percent")));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().at(0).value<QList<qint64>>(), QList<qint64>{r->rowId});
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.first().at(0).value<AccountAddress>(), ops);
        QCOMPARE(read.first().at(1).toString(), QStringLiteral("20"));
        QVERIFY(!tab.showMessage(ops, QStringLiteral("99999")));
    }

    void contextMenu_marksAReadMessageUnread_andTheStoreCountsItUnreadAgain()
    {
        AccountRegistry registry(drivenFactory());
        registry.setConfig(sampleConfig());
        MessagesTab tab(&registry, m_store);
        const qint64 rowId = tab.model()->recordAt(5)->rowId;
        QCOMPARE(m_store->markRead(QList<qint64>{rowId}), 1);
        tab.model()->reload();
        QVERIFY(tab.model()->recordAt(5)->read);
        const int before = m_store->unreadCount();
        const auto entry = [](QMenu *menu, const QString &text) -> QAction * {
            for (QAction *a : menu->actions())
                if (a->text() == text)
                    return a;
            return nullptr;
        };

        std::unique_ptr<QMenu> menu(tab.contextMenuFor(5));
        QVERIFY(!entry(menu.get(), QStringLiteral("Mark &read")));
        QAction *unread = entry(menu.get(), QStringLiteral("Mark &unread"));
        QVERIFY(unread);
        QSignalSpy asked(&tab, &MessagesTab::unreadRequested);
        unread->trigger();
        QCOMPARE(asked.size(), 1);
        const auto rows = asked.first().at(0).value<QList<qint64>>();
        QCOMPARE(rows, QList<qint64>{rowId});
        QVERIFY(!tab.model()->recordAt(5)->read); // shown unread at once
        QCOMPARE(m_store->markUnread(rows), 1);   // what the application does with the request
        QCOMPARE(m_store->unreadCount(), before + 1);
        QCOMPARE(m_store->markUnread(rows), 0); // already unread

        menu.reset(tab.contextMenuFor(5)); // an unread row offers "Mark read" again
        QVERIFY(entry(menu.get(), QStringLiteral("Mark &read")));
        QVERIFY(!entry(menu.get(), QStringLiteral("Mark &unread")));
    }

    void delete_keyAndContextMenu_dropTheRow_andTheStoreNeverShowsItAgain()
    {
        AccountRegistry registry(drivenFactory());
        registry.setConfig(sampleConfig());
        MessagesTab tab(&registry, m_store);
        const InboundMessage newest = message(QStringLiteral("gotify/alerts"), 5001, QStringLiteral("to delete"));
        QVERIFY(m_store->storeBatch(
            {newest, message(QStringLiteral("gotify/alerts"), 5002, QStringLiteral("kept"))}, nullptr));
        tab.model()->reload();
        QCOMPARE(tab.model()->recordAt(1)->message.id, QStringLiteral("5001"));
        const qint64 rowId = tab.model()->recordAt(1)->rowId;
        const int shown = m_store->count(HistoryQuery{});
        const int unread = m_store->unreadCount();
        QSignalSpy asked(&tab, &MessagesTab::deleteRequested);
        QSignalSpy read(&tab, &MessagesTab::messageRead);
        connect(&tab, &MessagesTab::deleteRequested, m_store,
                [this](const QList<qint64> &rows) { m_store->deleteLocally(rows); }); // what AppRuntime does

        std::unique_ptr<QMenu> menu(tab.contextMenuFor(1));
        QAction *remove = nullptr;
        for (QAction *a : menu->actions())
            if (a->text() == QStringLiteral("&Delete from this computer"))
                remove = a;
        QVERIFY(remove);
        QCOMPARE(remove->shortcut(), QKeySequence(QKeySequence::Delete));

        // By keyboard: the Delete key on the selected row (the tab's own shortcut on the view).
        tab.show();
        QVERIFY(QTest::qWaitForWindowActive(&tab));
        tab.view()->setFocus();
        tab.view()->selectionModel()->setCurrentIndex(tab.model()->index(1, 0), QItemSelectionModel::ClearAndSelect
                                                                                    | QItemSelectionModel::Rows);
        QCOMPARE(read.last().at(1).toString(), QStringLiteral("5001")); // selecting it read it
        QTest::keyClick(tab.view(), Qt::Key_Delete);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().at(0).value<QList<qint64>>(), QList<qint64>{rowId});
        for (int row = 0; row < tab.model()->rowCount(); ++row)
            QVERIFY(tab.model()->recordAt(row)->message.id != QStringLiteral("5001"));
        QCOMPARE(m_store->count(HistoryQuery{}), shown - 1);
        QCOMPARE(m_store->unreadCount(), unread - 1);

        // Stored again (a catch-up that overlaps): still a duplicate, still not shown.
        QList<bool> fresh;
        QVERIFY(m_store->storeBatch({newest}, &fresh));
        QCOMPARE(fresh, QList<bool>{false});
        tab.model()->reload();
        for (int row = 0; row < tab.model()->rowCount(); ++row)
            QVERIFY(tab.model()->recordAt(row)->message.id != QStringLiteral("5001"));
        // The context menu's entry deletes the same way.
        menu.reset(tab.contextMenuFor(0));
        QCOMPARE(tab.model()->recordAt(0)->message.id, QStringLiteral("5002"));
        for (QAction *a : menu->actions())
            if (a->text() == QStringLiteral("&Delete from this computer"))
                a->trigger();
        QCOMPARE(asked.size(), 2);
        QCOMPARE(m_store->count(HistoryQuery{}), shown - 2);
    }

    void sort_byPriority_pagesInTheStoresOrder_andOtherColumnsFallBackToTime()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("sorted.sqlite")));
        QVERIFY(store.open());
        QList<InboundMessage> batch;
        for (int i = 1; i <= 40; ++i) {
            InboundMessage m = message(QStringLiteral("gotify/ops"), i, QStringLiteral("m %1").arg(i));
            m.priority = (i * 7) % 11;
            batch << m;
        }
        QVERIFY(store.storeBatch(batch, nullptr));
        AccountRegistry registry(drivenFactory());
        registry.setConfig(sampleConfig());
        MessagesTab tab(&registry, &store);
        HistoryModel *model = tab.model();
        model->setPageSize(7); // page boundaries fall inside runs of one priority
        QHeaderView *header = tab.view()->horizontalHeader();
        QVERIFY(tab.view()->isSortingEnabled());
        const auto all = [model] {
            while (model->canFetchMore({}))
                model->fetchMore({});
            QList<QPair<int, qint64>> keys;
            for (int row = 0; row < model->rowCount(); ++row)
                keys << qMakePair(model->recordAt(row)->message.priority, model->recordAt(row)->rowId);
            return keys;
        };

        header->setSortIndicator(HistoryModel::PriorityColumn, Qt::DescendingOrder); // a header click
        QCOMPARE(model->order(), HistoryQuery::Order::HighestPriority);
        QList<QPair<int, qint64>> keys = all();
        QCOMPARE(keys.size(), 40);
        const QSet<QPair<int, qint64>> unique(keys.begin(), keys.end());
        QCOMPARE(unique.size(), 40);
        for (int i = 1; i < keys.size(); ++i)
            QVERIFY(keys[i - 1].first > keys[i].first
                    || (keys[i - 1].first == keys[i].first && keys[i - 1].second > keys[i].second));
        QCOMPARE(keys.first().first, 10);

        header->setSortIndicator(HistoryModel::PriorityColumn, Qt::AscendingOrder);
        keys = all();
        QCOMPARE(keys.size(), 40);
        for (int i = 1; i < keys.size(); ++i)
            QVERIFY(keys[i - 1].first < keys[i].first
                    || (keys[i - 1].first == keys[i].first && keys[i - 1].second > keys[i].second));

        header->setSortIndicator(HistoryModel::AccountColumn, Qt::AscendingOrder); // not offered
        QCOMPARE(header->sortIndicatorSection(), int(HistoryModel::TimeColumn));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(model->order(), HistoryQuery::Order::Newest);
        QCOMPARE(model->recordAt(0)->message.id, QStringLiteral("40"));
    }
};

QTEST_MAIN(TestHistoryView)
#include "tst_historyview.moc"
