package org.vertebra.search;

import java.time.Instant;
import java.util.List;

/** A small orthopaedic site, written for these tests: each article about one subject, in a few sentences. */
final class TestArticles {

    static final IndexedArticle DISC = article(1, "disc-herniation-explained", "Disc Herniation Explained",
            List.of("What happens to the disc", "Getting better"),
            "The soft centre of a spinal disc can push through its tough outer ring. This disc herniation may "
                    + "press on a nerve root and cause pain in one leg. Most people recover within weeks with "
                    + "gentle activity, walking and physiotherapy.",
            "Why a disc herniation hurts and how it heals.", List.of("spine"), List.of("Back and Neck"), "2024-01-10");
    static final IndexedArticle STENOSIS = article(2, "lumbar-spinal-stenosis", "Lumbar Spinal Stenosis",
            List.of("Symptoms", "Treatment"),
            "Narrowing of the lumbar canal squeezes the nerves that run to the legs. Walking a short distance "
                    + "brings on heaviness in the calves, and bending forward or sitting eases it. Surgery to "
                    + "widen the canal helps when symptoms limit daily life.",
            "When the spinal canal narrows with age.", List.of("spine"), List.of("Back and Neck"), "2024-02-01");
    static final IndexedArticle ELBOW = article(3, "lateral-epicondylitis", "Lateral Epicondylitis",
            List.of("The tendon at the outside of the elbow", "Load and rest"),
            "Repeated gripping overloads the tendon that attaches to the outer bony point of the elbow. Lifting "
                    + "a kettle or shaking hands becomes painful. Graded loading exercises and a break from the "
                    + "heaviest tasks settle most cases within a year.",
            "An overloaded tendon on the outer elbow.", List.of("elbow"), List.of("Upper Limb"), "2024-02-15");
    static final IndexedArticle HEEL = article(4, "plantar-fasciitis", "Plantar Fasciitis",
            List.of("Morning pain", "Stretching and footwear"),
            "The thick band under the sole of the foot becomes irritated where it meets the heel bone. The first "
                    + "steps after getting out of bed are the worst. Calf stretches, cushioned shoes and patience "
                    + "help nearly everyone.",
            "Why the first steps of the day hurt.", List.of("foot"), List.of("Lower Limb"), "2024-03-01");
    static final IndexedArticle WRIST = article(5, "wrist-fracture", "Wrist Fracture After a Fall",
            List.of("Plaster or surgery", "Regaining movement"),
            "Putting out a hand to break a fall is the usual cause of a wrist fracture. A plaster cast holds most "
                    + "fractures while they heal over six weeks. When the pieces have moved, a surgeon may fix "
                    + "them with a small plate.",
            "How a broken wrist is treated.", List.of("trauma"), List.of("Fractures"), "2024-03-10");
    static final IndexedArticle OSTEOPOROSIS = article(6, "osteoporosis", "Osteoporosis and Bone Health",
            List.of("Who is at risk", "Medicines"),
            "Bones lose density with age, especially after the menopause. A minor fall can then cause fractures "
                    + "of the hip or vertebra. Exercise, calcium, vitamin D and medicines keep bones stronger.",
            "Keeping bones strong as you age.", List.of("bone health"), List.of("Bone Health"), "2024-03-20");
    static final IndexedArticle KNEE_OA = article(7, "knee-osteoarthritis", "Knee Osteoarthritis",
            List.of("Why the knee cartilage wears", "Living with a stiff knee"),
            "Osteoarthritis thins the cartilage that lines the knee joint. The knee feels stiff in the morning "
                    + "and aches after long walks. Strengthening the thigh muscles and losing weight ease the "
                    + "load on the knee cartilage.",
            "Stiff, aching knees and what helps.", List.of("knee", "osteoarthritis"), List.of("Lower Limb"),
            "2024-04-01");
    static final IndexedArticle KNEE_REPLACEMENT = article(8, "knee-replacement", "Knee Replacement Surgery",
            List.of("When the knee cartilage is gone", "After the operation"),
            "When osteoarthritis has worn away the knee cartilage and pain stops sleep, the surgeon replaces the "
                    + "worn joint surfaces of the knee with metal and plastic. Physiotherapy starts the next day, "
                    + "and most people walk with a stick within weeks.",
            "What happens before and after a new knee.", List.of("knee", "surgery"), List.of("Lower Limb"),
            "2024-04-10");
    static final IndexedArticle SCIATICA = article(9, "sciatica", "Sciatica: Pain Down the Leg",
            List.of("Where the pain comes from", "Red flags"),
            "Sciatica is pain that follows the sciatic nerve from the buttock down the back of the leg. An "
                    + "irritated nerve root in the spine is the usual cause. Numbness in the saddle area needs "
                    + "urgent care.",
            "Leg pain from an irritated nerve.", List.of("spine", "nerve"), List.of("Back and Neck"), "2024-04-20");
    static final IndexedArticle SHOULDER = article(10, "frozen-shoulder", "Frozen Shoulder Stages",
            List.of("Freezing, frozen, thawing"),
            "The capsule around the shoulder joint thickens and tightens. Movement is lost in every direction, "
                    + "and night pain is common. Most shoulders recover on their own over one to three years.",
            "The three stages of a stiff shoulder.", List.of("shoulder"), List.of("Upper Limb"), "2024-05-01");
    static final IndexedArticle PATELLA = article(11, "patella-dislocation", "When the Patella Slips Out of Place",
            List.of("First aid"),
            "The patella sits in a groove at the front of the thigh bone. A twist with the foot planted can push "
                    + "it sideways out of the groove. Bracing and quadriceps exercises usually follow.",
            "A patella out of its groove.", List.of("sports"), List.of("Lower Limb"), "2024-05-10");
    static final IndexedArticle ULNAR = article(12, "ulnar-nerve", "Numb Little Finger",
            List.of("Elbow position"),
            "The ulnar nerve runs behind the inner elbow, where a knock gives a sharp tingle. Keeping the elbow "
                    + "bent for long periods presses on it and leaves the little finger numb.",
            "Why the little finger goes numb.", List.of("nerve"), List.of("Upper Limb"), "2024-05-20");
    static final IndexedArticle STIFF_KNEE = article(13, "exercises-stiff-knee", "Exercises for a Stiff Knee",
            List.of("Daily routine"),
            "Gentle bending and straightening keep a stiff knee moving. Cycling without resistance and "
                    + "swimming are kind to the joint.",
            "Simple daily exercises.", List.of("exercise"), List.of("Lower Limb"), "2024-06-01");

    static final List<IndexedArticle> ALL = List.of(DISC, STENOSIS, ELBOW, HEEL, WRIST, OSTEOPOROSIS, KNEE_OA,
            KNEE_REPLACEMENT, SCIATICA, SHOULDER, PATELLA, ULNAR, STIFF_KNEE);

    private TestArticles() {
    }

    static IndexedArticle article(long id, String slug, String title, List<String> headings, String body,
            String summary, List<String> tags, List<String> categories, String date) {
        return new IndexedArticle(id, slug, title, headings, body, summary, tags, categories,
                Instant.parse(date + "T08:00:00Z"));
    }

    /** An article with only a title and body, for tests that need many or very particular ones. */
    static IndexedArticle simple(long id, String title, String body) {
        return new IndexedArticle(id, "article-" + id, title, List.of(), body, "", List.of(), List.of(),
                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(id));
    }
}
