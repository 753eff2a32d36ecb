#include "testpki.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslKey>

namespace ct::testserver {

namespace {
// One configuration for every step: no prompts, the CA and server extensions by name.
constexpr const char kConfig[] = "[req]\n"
                                 "distinguished_name = dn\n"
                                 "prompt = no\n"
                                 "[dn]\n"
                                 "CN = ChannelTray test CA\n"
                                 "[ca_ext]\n"
                                 "basicConstraints = critical,CA:TRUE\n"
                                 "keyUsage = critical,keyCertSign,cRLSign\n"
                                 "subjectKeyIdentifier = hash\n"
                                 "[server_ext]\n"
                                 "basicConstraints = critical,CA:FALSE\n"
                                 "keyUsage = critical,digitalSignature,keyEncipherment\n"
                                 "extendedKeyUsage = serverAuth\n"
                                 "subjectAltName = IP:127.0.0.1\n"
                                 "subjectKeyIdentifier = hash\n"
                                 "authorityKeyIdentifier = keyid\n"
                                 "[other_ext]\n"
                                 "basicConstraints = critical,CA:FALSE\n"
                                 "keyUsage = critical,digitalSignature,keyEncipherment\n"
                                 "extendedKeyUsage = serverAuth\n"
                                 "subjectAltName = DNS:other.example\n"
                                 "subjectKeyIdentifier = hash\n"
                                 "authorityKeyIdentifier = keyid\n";

QStringList ecKey()
{
    return {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
}
} // namespace

TestPki::TestPki() = default;

bool TestPki::run(const QStringList &args, QString *error) const
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForStarted(10000)) {
        if (error)
            *error = QStringLiteral("cannot run openssl (install it: tools/install-deps.sh): %1")
                         .arg(p.errorString());
        return false;
    }
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("openssl %1 failed: %2")
                         .arg(args.value(0), QString::fromLocal8Bit(p.readAll()));
        return false;
    }
    return true;
}

bool TestPki::generate(QString *error)
{
    if (!m_dir.isValid()) {
        if (error)
            *error = QStringLiteral("no temporary folder");
        return false;
    }
    QFile cnf(path(QStringLiteral("openssl.cnf")));
    if (!cnf.open(QIODevice::WriteOnly) || cnf.write(kConfig) < 0) {
        if (error)
            *error = QStringLiteral("cannot write %1").arg(cnf.fileName());
        return false;
    }
    cnf.close();
    const QString config = cnf.fileName();
    auto makeCa = [&](const QString &name, const QString &cn) {
        return run(QStringList{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-config"), config,
                               QStringLiteral("-extensions"), QStringLiteral("ca_ext")}
                       + ecKey()
                       + QStringList{QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                                     QStringLiteral("-out"), name + QStringLiteral(".pem"),
                                     QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                                     QStringLiteral("/CN=") + cn},
                   error);
    };
    if (!makeCa(QStringLiteral("ca"), QStringLiteral("ChannelTray test CA"))
        || !makeCa(QStringLiteral("wrong-ca"), QStringLiteral("ChannelTray unrelated CA")))
        return false;
    // A server certificate signed by the trusted CA: for 127.0.0.1, and one for another name.
    const auto makeServer = [&](const QString &name, const QString &cn, const QString &extensions) {
        if (!run(QStringList{QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-config"), config}
                     + ecKey()
                     + QStringList{QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                                   QStringLiteral("-out"), name + QStringLiteral(".csr"), QStringLiteral("-subj"),
                                   QStringLiteral("/CN=") + cn},
                 error))
            return false;
        const QString serial = QStringLiteral("0x%1").arg(QRandomGenerator::global()->generate64() >> 1, 0, 16);
        return run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                    name + QStringLiteral(".csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                    QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-set_serial"), serial,
                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), config,
                    QStringLiteral("-extensions"), extensions, QStringLiteral("-out"),
                    name + QStringLiteral(".pem")},
                   error);
    };
    return makeServer(QStringLiteral("server"), QStringLiteral("127.0.0.1"), QStringLiteral("server_ext"))
           && makeServer(QStringLiteral("other"), QStringLiteral("other.example"), QStringLiteral("other_ext"));
}

QSslConfiguration TestPki::serverConfiguration() const
{
    return configurationFor(serverCertFile(), serverKeyFile());
}

QSslConfiguration TestPki::otherHostConfiguration() const
{
    return configurationFor(path(QStringLiteral("other.pem")), path(QStringLiteral("other.key")));
}

QSslConfiguration TestPki::configurationFor(const QString &certFile, const QString &keyFile) const
{
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    QFile key(keyFile);
    if (key.open(QIODevice::ReadOnly))
        conf.setPrivateKey(QSslKey(key.readAll(), QSsl::Ec, QSsl::Pem));
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certFile, QSsl::Pem)
                                         + QSslCertificate::fromPath(caCertFile(), QSsl::Pem);
    if (!chain.isEmpty()) {
        conf.setLocalCertificateChain(chain);
    }
    conf.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
    return conf;
}

} // namespace ct::testserver
