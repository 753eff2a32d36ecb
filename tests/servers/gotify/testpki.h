#pragma once
// A throwaway certificate authority and a server certificate for 127.0.0.1, made at test time
// with the `openssl` command in a temporary folder that is removed with this object. Nothing
// here is ever committed: every run makes new keys. A second, unrelated CA ("wrong CA") lets a
// test check that a certificate signed by someone else is refused; a second server certificate,
// signed by the trusted CA but for another name (other.example), that a certificate for another
// host is.
#include <QSslConfiguration>
#include <QString>
#include <QTemporaryDir>

namespace ct::testserver {

class TestPki
{
public:
    TestPki();
    // Generates both CAs and the server certificate; false (with the reason) when it cannot,
    // e.g. when `openssl` is not installed (tools/deps.txt lists it).
    bool generate(QString *error = nullptr);

    QString caCertFile() const { return path(QStringLiteral("ca.pem")); }
    QString wrongCaCertFile() const { return path(QStringLiteral("wrong-ca.pem")); }
    QString serverCertFile() const { return path(QStringLiteral("server.pem")); }
    QString serverKeyFile() const { return path(QStringLiteral("server.key")); }
    // Server side: the certificate (with its CA in the chain) and key, no client certificates.
    QSslConfiguration serverConfiguration() const;
    // The same with the certificate for other.example (trusted CA, wrong host for 127.0.0.1).
    QSslConfiguration otherHostConfiguration() const;

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    bool run(const QStringList &args, QString *error) const;
    QSslConfiguration configurationFor(const QString &certFile, const QString &keyFile) const;
    QTemporaryDir m_dir;
};

} // namespace ct::testserver
