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
    if (!run(QStringList{QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-config"), config}
                 + ecKey()
                 + QStringList{QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                               QStringLiteral("server.csr"), QStringLiteral("-subj"),
                               QStringLiteral("/CN=127.0.0.1")},
             error))
        return false;
    const QString serial = QStringLiteral("0x%1").arg(QRandomGenerator::global()->generate64() >> 1, 0, 16);
    return run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-set_serial"), serial,
                QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), config,
                QStringLiteral("-extensions"), QStringLiteral("server_ext"), QStringLiteral("-out"),
                QStringLiteral("server.pem")},
               error);
}

QSslConfiguration TestPki::serverConfiguration() const
{
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    QFile keyFile(serverKeyFile());
    if (keyFile.open(QIODevice::ReadOnly))
        conf.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem));
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(serverCertFile(), QSsl::Pem)
                                         + QSslCertificate::fromPath(caCertFile(), QSsl::Pem);
    if (!chain.isEmpty()) {
        conf.setLocalCertificateChain(chain);
    }
    conf.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
    return conf;
}

} // namespace ct::testserver
