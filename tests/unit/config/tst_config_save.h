#pragma once
// Declared apart from its bodies so that moc never reads the test code (see
// tst_config_defaults.h).
#include <QObject>

class TestConfigSave : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void openclawJson_loadsWithoutProblems();
    void openclawJson_roundTrip_keepsUnknownKeys();
    void openclawJson_editedAndSaved_keepsEverythingElse();
    void save_writesMode0600();
    void save_overAnExistingFileWithoutInlineTokens_keepsItsMode_andKeepsA0600Backup_data();
    void save_overAnExistingFileWithoutInlineTokens_keepsItsMode_andKeepsA0600Backup();
    void save_ofAConfigWithInlineTokens_overA0644File_makesIt0600_data();
    void save_ofAConfigWithInlineTokens_overA0644File_makesIt0600();
    void save_ofAnIncludedFileWithInlineTokens_makesThatFile0600_andLeavesTheTopFileItsMode();
    void save_createsMissingParentDirectoriesWith0700();
    void save_leavesExistingParentDirectoriesAlone();
    void save_intoReadOnlyDirectory_failsAndLeavesOldFileByteIdentical();
    void save_whenParentIsAFile_failsWithAClearError();
    void save_whenTargetIsADirectory_fails();
    void save_thenLoad_givesTheSameConfig();
    void expandUserPath_expandsTildeOnly();
    void loadAndSave_expandTheTilde();
};
