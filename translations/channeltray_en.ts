<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>StateLabels</name>
    <message numerus="yes">
        <source>in %n s</source>
        <translation>
            <numerusform>in %n s</numerusform>
            <numerusform>in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation>
            <numerusform>in %n min</numerusform>
            <numerusform>in %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ct::ui::AppController</name>
    <message numerus="yes">
        <source>Move the %n inline token(s) into the system keychain? The copy written for ChannelTray will then hold no token in plain text.</source>
        <translation>
            <numerusform>Move the %n inline token into the system keychain? The copy written for ChannelTray will then hold no token in plain text.</numerusform>
            <numerusform>Move the %n inline tokens into the system keychain? The copy written for ChannelTray will then hold no token in plain text.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ct::ui::ContactsDialog</name>
    <message numerus="yes">
        <source>%n friend(s)</source>
        <translation>
            <numerusform>%n friend</numerusform>
            <numerusform>%n friends</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending application(s)</source>
        <translation>
            <numerusform>%n pending application</numerusform>
            <numerusform>%n pending applications</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ct::ui::MessagesPage</name>
    <message numerus="yes">
        <source>Page %1, %n message(s)</source>
        <translation>
            <numerusform>Page %1, %n message</numerusform>
            <numerusform>Page %1, %n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ct::ui::OpenClawImport</name>
    <message numerus="yes">
        <source>%n account(s): </source>
        <translation>
            <numerusform>%n account: </numerusform>
            <numerusform>%n accounts: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) stored in plain text in the file</source>
        <translation>
            <numerusform>%n token stored in plain text in the file</numerusform>
            <numerusform>%n tokens stored in plain text in the file</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ct::ui::TrayController</name>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n unread message</numerusform>
            <numerusform>%n unread messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n unread)</source>
        <translation>
            <numerusform> (%n unread)</numerusform>
            <numerusform> (%n unread)</numerusform>
        </translation>
    </message>
</context>
</TS>
