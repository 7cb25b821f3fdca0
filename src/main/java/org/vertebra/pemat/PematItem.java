package org.vertebra.pemat;

/**
 * The 24 items of the Patient Education Materials Assessment Tool for printable materials
 * (PEMAT-P; Shoemaker, Wolf and Brach, AHRQ Publication No. 14-0002-EF, 2013, updated 2014): 17 on
 * understandability and 7 on actionability. The numbers are the tool's own, shared with its
 * audiovisual form, so items 13 and 14 (audiovisual only) are absent. The statements are the
 * tool's, as raters are asked to apply them word for word; {@link #notApplicableWhen} names the
 * only case in which the tool lets an item be rated "not applicable", null when it never may be.
 */
public enum PematItem {
    PURPOSE_EVIDENT(1, Domain.UNDERSTANDABILITY, "Content",
            "The material makes its purpose completely evident.", null),
    NO_DISTRACTION(2, Domain.UNDERSTANDABILITY, "Content",
            "The material does not include information or content that distracts from its purpose.", null),
    EVERYDAY_LANGUAGE(3, Domain.UNDERSTANDABILITY, "Word choice and style",
            "The material uses common, everyday language.", null),
    TERMS_DEFINED(4, Domain.UNDERSTANDABILITY, "Word choice and style",
            "Medical terms are used only to familiarize audience with the terms. When used, medical terms are defined.", null),
    ACTIVE_VOICE(5, Domain.UNDERSTANDABILITY, "Word choice and style",
            "The material uses the active voice.", null),
    CLEAR_NUMBERS(6, Domain.UNDERSTANDABILITY, "Use of numbers",
            "Numbers appearing in the material are clear and easy to understand.", "No numbers"),
    NO_CALCULATIONS(7, Domain.UNDERSTANDABILITY, "Use of numbers",
            "The material does not expect the user to perform calculations.", null),
    SHORT_SECTIONS(8, Domain.UNDERSTANDABILITY, "Organization",
            "The material breaks or \"chunks\" information into short sections.", "Very short material"),
    INFORMATIVE_HEADERS(9, Domain.UNDERSTANDABILITY, "Organization",
            "The material's sections have informative headers.", "Very short material"),
    LOGICAL_SEQUENCE(10, Domain.UNDERSTANDABILITY, "Organization",
            "The material presents information in a logical sequence.", null),
    SUMMARY(11, Domain.UNDERSTANDABILITY, "Organization",
            "The material provides a summary.", "Very short material"),
    VISUAL_CUES(12, Domain.UNDERSTANDABILITY, "Layout and design",
            "The material uses visual cues (e.g., arrows, boxes, bullets, bold, larger font, highlighting) to draw attention to key points.", null),
    VISUAL_AIDS_USED(15, Domain.UNDERSTANDABILITY, "Use of visual aids",
            "The material uses visual aids whenever they could make content more easily understood (e.g., illustration of healthy portion size).", null),
    VISUAL_AIDS_REINFORCE(16, Domain.UNDERSTANDABILITY, "Use of visual aids",
            "The material's visual aids reinforce rather than distract from the content.", "No visual aids"),
    VISUAL_AIDS_CAPTIONED(17, Domain.UNDERSTANDABILITY, "Use of visual aids",
            "The material's visual aids have clear titles or captions.", "No visual aids"),
    CLEAR_ILLUSTRATIONS(18, Domain.UNDERSTANDABILITY, "Use of visual aids",
            "The material uses illustrations and photographs that are clear and uncluttered.", "No visual aids"),
    SIMPLE_TABLES(19, Domain.UNDERSTANDABILITY, "Use of visual aids",
            "The material uses simple tables with short and clear row and column headings.", "No tables"),
    ACTION_IDENTIFIED(20, Domain.ACTIONABILITY, "Actionability",
            "The material clearly identifies at least one action the user can take.", null),
    ADDRESSES_USER(21, Domain.ACTIONABILITY, "Actionability",
            "The material addresses the user directly when describing actions.", null),
    EXPLICIT_STEPS(22, Domain.ACTIONABILITY, "Actionability",
            "The material breaks down any action into manageable, explicit steps.", null),
    TANGIBLE_TOOL(23, Domain.ACTIONABILITY, "Actionability",
            "The material provides a tangible tool (e.g., menu planners, checklists) whenever it could help the user take action.", null),
    CALCULATION_HELP(24, Domain.ACTIONABILITY, "Actionability",
            "The material provides simple instructions or examples of how to perform calculations.", "No calculations"),
    CHARTS_EXPLAINED(25, Domain.ACTIONABILITY, "Actionability",
            "The material explains how to use the charts, graphs, tables, or diagrams to take actions.", "No charts, graphs, tables, or diagrams"),
    VISUAL_AIDS_FOR_ACTION(26, Domain.ACTIONABILITY, "Actionability",
            "The material uses visual aids whenever they could make it easier to act on the instructions.", null);

    /** The tool's two scores. */
    public enum Domain { UNDERSTANDABILITY, ACTIONABILITY }

    private final int number;
    private final Domain domain;
    private final String topic;
    private final String statement;
    private final String notApplicableWhen;

    PematItem(int number, Domain domain, String topic, String statement, String notApplicableWhen) {
        this.number = number;
        this.domain = domain;
        this.topic = topic;
        this.statement = statement;
        this.notApplicableWhen = notApplicableWhen;
    }

    public int number() {
        return number;
    }

    public Domain domain() {
        return domain;
    }

    public String topic() {
        return topic;
    }

    public String statement() {
        return statement;
    }

    /** The case in which the tool allows "not applicable", or null when the item must be rated. */
    public String notApplicableWhen() {
        return notApplicableWhen;
    }

    public boolean allowsNotApplicable() {
        return notApplicableWhen != null;
    }

    /** The item with this number of the printable tool. */
    public static PematItem numbered(int number) {
        for (PematItem item : values()) {
            if (item.number == number) {
                return item;
            }
        }
        throw new IllegalArgumentException("PEMAT-P has no item " + number);
    }
}
