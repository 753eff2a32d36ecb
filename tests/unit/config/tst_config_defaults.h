#pragma once
// The test class is declared here and defined in the .cpp so that moc never reads the test
// bodies: moc mis-parses raw string literals holding "//" (the URLs in our JSON inputs).
#include <QObject>

class TestConfigDefaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyObject_givesTheDocumentedDefaults();
    void minimalAccounts_getTheDocumentedDefaults();
    void everyOpenImAccountField_isRead();
    void httpTokenRefresh_everyFieldIsRead();
    void responseTokenPath_singleString_isAOneElementList();
    void hookTokenRefresh_isRead();
    void refreshModeNames_roundTrip();
    void gotifyChannelValues_areInheritedAndAccountInboundIsMergedFieldByField();
    void gotifySingleForm_isTheAccountDefault();
    void gotifySingleForm_nextToNamedAccounts_comesFirst();
    void gotifySingleForm_andNamedDefault_mergeWithNamedFieldsWinning();
    void gotifyNamedDefault_mayGiveTheServerForSingleFormTokens();
    void gotifySingleForm_withoutServer_isAProblem();
    void agentsSessionAndAppSettings_areRead();
    void everyDmScopeName_isAccepted_data();
    void everyDmScopeName_isAccepted();
    void seed_hookModeWithoutCommand_isValid();
    void seed_nameIsTheDisplayName_andPriorityRunsFrom0To10();
    void seed_gotifyInboundEnabled_isExplicitOnlyWhenTheFileSaysSo();
    void seed_bindings_topLevelAndUnderAgents_accountBeatsChannelWide();
};
