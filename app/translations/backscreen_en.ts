<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>backscreen::app::ClientsPage</name>
    <message numerus="yes">
        <source>%n client(s) shown</source>
        <translation>
            <numerusform>%n client shown</numerusform>
            <numerusform>%n clients shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>backscreen::app::DatabaseActions</name>
    <message numerus="yes">
        <source>Backing up the database to %1…
%2 of %n page(s) copied</source>
        <translation>
            <numerusform>Backing up the database to %1…
%2 of %n page copied</numerusform>
            <numerusform>Backing up the database to %1…
%2 of %n pages copied</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>backscreen::app::FindingsPanel</name>
    <message numerus="yes">
        <source>Still to answer for the red-flag screen (%n)</source>
        <translation>
            <numerusform>Still to answer for the red-flag screen (%n)</numerusform>
            <numerusform>Still to answer for the red-flag screen (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clearances on record (%n)</source>
        <translation>
            <numerusform>Clearance on record (%n)</numerusform>
            <numerusform>Clearances on record (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>backscreen::app::IntakePage</name>
    <message numerus="yes">
        <source>%n question(s) need attention before the intake is complete.</source>
        <translation>
            <numerusform>%n question needs attention before the intake is complete.</numerusform>
            <numerusform>%n questions need attention before the intake is complete.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>backscreen::app::OutcomeEntryDialog</name>
    <message numerus="yes">
        <source>%1: not scored, %n answer(s) need attention</source>
        <translation>
            <numerusform>%1: not scored, %n answer needs attention</numerusform>
            <numerusform>%1: not scored, %n answers need attention</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>backscreen::app::ProgramComparisonDialog</name>
    <message numerus="yes">
        <source>%n change(s) from %1 to %2.</source>
        <translation>
            <numerusform>%n change from %1 to %2.</numerusform>
            <numerusform>%n changes from %1 to %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>backscreen::app::ProgramEditorPage</name>
    <message numerus="yes">
        <source>%n exercise(s): a handout should hold at most %1 (G8)</source>
        <translation>
            <numerusform>%n exercise: a handout should hold at most %1 (G8)</numerusform>
            <numerusform>%n exercises: a handout should hold at most %1 (G8)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>backscreen::app::QuestionnaireForm</name>
    <message numerus="yes">
        <source>%1 (%n to answer)</source>
        <translation>
            <numerusform>%1 (%n to answer)</numerusform>
            <numerusform>%1 (%n to answer)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n required question(s) still unanswered</source>
        <translation>
            <numerusform>%n required question still unanswered</numerusform>
            <numerusform>%n required questions still unanswered</numerusform>
        </translation>
    </message>
</context>
</TS>
