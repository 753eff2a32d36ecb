#pragma once
// Declared apart from its bodies so that moc never reads the test code (see
// tst_config_defaults.h).
#include <QObject>

class TestConfigEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void setAt_createsIntermediateObjects_andKeepsSiblings();
    void setAt_replacesAnExistingValue();
    void setAt_throughANonObject_refusesAndChangesNothing();
    void setAt_emptyPath_refuses();
    void segmentWithADot_staysOneKey();
    void removeAt_removesOnlyThatKey_andKeepsEmptyParents();
    void removeAt_missingKey_returnsFalse();
    void valueAt_absent_isUndefined();
    void accountPath_isChannelsChannelAccountsId();
    void accountFieldPath_gotifyDefaultInSingleForm_writesTheSingleForm();
    void accountFieldPath_namedDefault_winsOverTheSingleForm();
    void setAccountField_newAccount_createsTheNamedEntry();
    void removeAccount_gotifyDefault_removesBothFormsTheDefaultAccountAndBindings();
    void removeAccount_keepsAnotherDefaultAccount();
    void removeAccount_unknown_returnsFalseAndChangesNothing();
};
