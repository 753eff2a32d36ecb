// The JSON5 reader: what OpenClaw's reader (the json5 package) accepts is read to the same
// values, and what it refuses is one problem naming line, column and JSON path.
#include "config/configloader.h"
#include "config/json5parser.h"

#include <QJsonArray>
#include <QtTest>

#include <cmath>

using namespace ct;

namespace {
QJsonValue value(const QByteArray &text)
{
    Json5Error error;
    const auto node = parseJson5(text, &error);
    if (!node)
        qWarning().noquote() << error.toString();
    return node ? node->toJson() : QJsonValue(QJsonValue::Undefined);
}
QString corpus(const QString &name)
{
    return QStringLiteral(CONFIG_TEST_DATA_DIR "/corpus/") + name;
}
} // namespace

class TestConfigJson5 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void grammar_readsLikeJson5Parse_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QJsonValue>("expected");
        QTest::newRow("line comment") << QByteArray("// c\n{a: 1} // d") << QJsonValue(QJsonObject{{"a", 1}});
        QTest::newRow("block comment") << QByteArray("/* c\n */{/**/a/**/:/**/1/**/}")
                                       << QJsonValue(QJsonObject{{"a", 1}});
        QTest::newRow("trailing commas")
            << QByteArray("{a: [1, 2,], b: 3,}") << QJsonValue(QJsonObject{{"a", QJsonArray{1, 2}}, {"b", 3}});
        QTest::newRow("identifier keys")
            << QByteArray("{$a_1: 1, _b: 2, \xc3\xbc: 3, \\u0061b: 4}")
            << QJsonValue(QJsonObject{{"$a_1", 1}, {"_b", 2}, {QString::fromUtf8("\xc3\xbc"), 3}, {"ab", 4}});
        QTest::newRow("single quotes") << QByteArray("'it\\'s \"x\"'") << QJsonValue(QStringLiteral("it's \"x\""));
        QTest::newRow("escapes") << QByteArray("'\\x41\\u00e9\\0\\v\\q\\/'")
                                 << QJsonValue(QString::fromUtf8("A\xc3\xa9") + QChar(0) + QChar(11) + "q/");
        QTest::newRow("line continuation") << QByteArray("'a\\\nb\\\r\nc'") << QJsonValue(QStringLiteral("abc"));
        QTest::newRow("hexadecimal") << QByteArray("[0xFF, -0x10, +0x1]") << QJsonValue(QJsonArray{255, -16, 1});
        QTest::newRow("decimal points")
            << QByteArray("[.5, 5., -.25e1, 1E+2]") << QJsonValue(QJsonArray{0.5, 5, -2.5, 100});
        QTest::newRow("explicit plus") << QByteArray("+7") << QJsonValue(7);
        QTest::newRow("duplicate key keeps the last")
            << QByteArray("{a: 1, a: 2}") << QJsonValue(QJsonObject{{"a", 2}});
        QTest::newRow("json5 white space")
            << QByteArray("\xef\xbb\xbf\xc2\xa0{\xe2\x80\xa8\x61\xe2\x80\x83: \x0b\x0c 1}")
            << QJsonValue(QJsonObject{{"a", 1}});
        QTest::newRow("U+2028 inside a string")
            << QByteArray("'a\xe2\x80\xa8z'") << QJsonValue(QString::fromUtf8("a\xe2\x80\xa8z"));
        QTest::newRow("plain json") << QByteArray("{\"a\": [true, false, null, \"s\"]}")
                                    << QJsonValue(
                                           QJsonObject{{"a", QJsonArray{true, false, QJsonValue::Null, "s"}}});
    }
    void grammar_readsLikeJson5Parse()
    {
        QFETCH(QByteArray, text);
        QFETCH(QJsonValue, expected);
        QCOMPARE(value(text), expected);
    }

    void grammar_infinityAndNaN_areNumbers()
    {
        const QJsonArray a = value("[Infinity, -Infinity, +Infinity, NaN, -NaN]").toArray();
        QCOMPARE(a.size(), 5);
        QVERIFY(std::isinf(a.at(0).toDouble()) && a.at(0).toDouble() > 0);
        QVERIFY(std::isinf(a.at(1).toDouble()) && a.at(1).toDouble() < 0);
        QVERIFY(std::isinf(a.at(2).toDouble()) && a.at(2).toDouble() > 0);
        QVERIFY(std::isnan(a.at(3).toDouble()));
        QVERIFY(std::isnan(a.at(4).toDouble()));
    }

    void refused_likeJson5Parse_withLineColumnAndPath_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("leading zero")
            << QByteArray("{a: 01}")
            << "invalid JSON5 at line 1, column 6 (in a): unexpected a digit after a value; expected ',' or '}'";
        QTest::newRow("two commas")
            << QByteArray("{\n  channels: {\n    gotify: [1,,2],\n  },\n}")
            << "invalid JSON5 at line 3, column 16 (in channels.gotify[1]): unexpected ','; expected a value";
        QTest::newRow("line break in a string")
            << QByteArray("{\n  a: 'x\ny'\n}")
            << "invalid JSON5 at line 2, column 8 (in a): a line break inside a string (end the line with '\\' to continue it)";
        QTest::newRow("unclosed comment")
            << QByteArray("{ /* x\n") << "invalid JSON5 at line 1, column 3: a /* comment is never closed";
        QTest::newRow("missing colon")
            << QByteArray("{\n  gateway: { port 1 } }")
            << "invalid JSON5 at line 2, column 19 (in gateway.port): unexpected a digit after a key; expected ':'";
        QTest::newRow("digit after \\0")
            << QByteArray("{k: '\\01'}")
            << "invalid JSON5 at line 1, column 8 (in k): unexpected a digit after \\0 in a string";
        QTest::newRow("hex without digits")
            << QByteArray("[0x]")
            << "invalid JSON5 at line 1, column 4 (in [0]): unexpected ']' in a hexadecimal number";
        QTest::newRow("key starting with a digit")
            << QByteArray("{1a: 1}") << "invalid JSON5 at line 1, column 2: unexpected a digit; expected a key";
        QTest::newRow("unclosed object")
            << QByteArray("{a: {b: 1}")
            << "invalid JSON5 at line 1, column 11 (in a): the text ends inside an object; expected '}'";
        QTest::newRow("garbage after the value")
            << QByteArray("{} x")
            << "invalid JSON5 at line 1, column 4: unexpected a letter after the end of the value";
    }
    void refused_likeJson5Parse_withLineColumnAndPath()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        Json5Error error;
        QVERIFY(!parseJson5(text, &error));
        QCOMPARE(error.toString(), expected);
    }

    void errors_neverShowLettersOfTheFile()
    {
        Json5Error error;
        QVERIFY(!parseJson5("{token: 'sk-live\\1abc'}", &error));
        QVERIFY2(!error.toString().contains("abc") && !error.toString().contains("sk-live"),
                 qPrintable(error.toString()));
    }

    void tooDeep_isAnErrorNotACrash()
    {
        QByteArray deep = QByteArray(5000, '[') + QByteArray(5000, ']');
        Json5Error error;
        QVERIFY(!parseJson5(deep, &error));
        QVERIFY2(error.message.contains("nested more than"), qPrintable(error.message));
    }

    void loader_aCommentedConfig_loads_andBadOnesNameTheFile()
    {
        const LoadResult ok = loadConfig(corpus("gotify-single.json5"));
        QVERIFY2(ok.jsonValid, qPrintable(ok.problemStrings().join('\n')));
        QCOMPARE(ok.config.gotify.accounts.size(), 1);
        QCOMPARE(ok.config.gotify.accounts.first().serverUrl, QStringLiteral("https://push.example.org"));

        const LoadResult bad = parseConfig(
            "{\n  // fine\n  channels: { gotify: { accounts: { ops: { x: } } } },\n}");
        QCOMPARE(bad.problems.size(), 1);
        QCOMPARE(bad.problems.first().line, 3);
        QCOMPARE(bad.problems.first().column, 47);
        QCOMPARE(bad.problems.first().message,
                 QStringLiteral("invalid JSON5 at line 3, column 47 (in channels.gotify.accounts.ops.x): "
                                "unexpected '}'; expected a value"));
    }
};

QTEST_GUILESS_MAIN(TestConfigJson5)
#include "tst_config_json5.moc"
