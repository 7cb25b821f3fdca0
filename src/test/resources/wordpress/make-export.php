<?php
// Writes the demo content of the importer's fixtures with WordPress's own API, then prints
// WordPress's own export (export_wp) and lists every public address in WORK/urls-postname.list.
// Run by make-export.sh from the WordPress folder. All text is demo content written for Vertebra's
// tests; it is not medical advice.
$work = $argv[1];
define('WP_INSTALLING', true);
require 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Demo Orthopaedic Clinic', 'demo-admin', 'admin@clinic.example', true, '', 'demo-admin-password-not-used');
global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%postname%/');
update_option('timezone_string', 'Europe/Berlin');
// As an administrator, who may save any HTML (unfiltered_html), as the site's editors did.
wp_set_current_user(1);
update_option('blogdescription', 'Demo content for an import test');
flush_rewrite_rules(false);
// wp_install's sample post, page and privacy page are WordPress's text, not ours.
foreach (get_posts(['post_type' => ['post', 'page'], 'post_status' => 'any', 'numberposts' => -1]) as $sample) {
    wp_delete_post($sample->ID, true);
}
require_once ABSPATH . 'wp-admin/includes/media.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/export.php';

function must($value) {
    if (is_wp_error($value) || !$value) { fwrite(STDERR, print_r($value, true)); exit(1); }
    return $value;
}

$surgeon = must(wp_insert_user(['user_login' => 'drdemo', 'user_pass' => wp_generate_password(), 'user_email' => 'dr.demo@clinic.example',
    'display_name' => 'Dr Dana Demo', 'first_name' => 'Dana', 'last_name' => 'Demo', 'role' => 'editor',
    'description' => 'Dr Dana Demo is a fictional orthopaedic surgeon who exists only in demo content.']));
$writer = must(wp_insert_user(['user_login' => 'alexw', 'user_pass' => wp_generate_password(), 'user_email' => 'alex.writer@clinic.example',
    'display_name' => 'Alex Writer', 'role' => 'author']));

$spine = must(wp_insert_term('Spine', 'category', ['slug' => 'spine', 'description' => 'Demo articles about the back.']))['term_id'];
$lowBack = must(wp_insert_term('Lower Back', 'category', ['slug' => 'lower-back', 'parent' => $spine]))['term_id'];
$sciatica = must(wp_insert_term('Sciatica', 'category', ['slug' => 'sciatica', 'parent' => $lowBack]))['term_id'];
$limb = must(wp_insert_term('Lower Limb', 'category', ['slug' => 'lower-limb']))['term_id'];
$knee = must(wp_insert_term('Knee', 'category', ['slug' => 'knee', 'parent' => $limb]))['term_id'];

// Small pictures made here, so that WordPress makes its own size variants (-300x200 ...).
function picture($work, $name, $w, $h, $rgb, $jpeg) {
    $im = imagecreatetruecolor($w, $h);
    imagefill($im, 0, 0, imagecolorallocate($im, $rgb[0], $rgb[1], $rgb[2]));
    $white = imagecolorallocate($im, 255, 255, 255);
    imagefilledellipse($im, intdiv($w, 2), intdiv($h, 2), intdiv($w, 2), intdiv($h, 2), $white);
    imagestring($im, 5, 10, 10, 'demo ' . $name, $white);
    $path = "$work/$name";
    $jpeg ? imagejpeg($im, $path, 85) : imagepng($im, $path);
    return $path;
}
function attach($work, $name, $w, $h, $rgb, $jpeg, $parent, $caption, $alt, $date) {
    $file = picture($work, $name, $w, $h, $rgb, $jpeg);
    $id = must(media_handle_sideload(['name' => $name, 'tmp_name' => $file], $parent,
        null, ['post_excerpt' => $caption, 'post_date' => $date, 'post_title' => pathinfo($name, PATHINFO_FILENAME)]));
    update_post_meta($id, '_wp_attachment_image_alt', $alt);
    return $id;
}

// 1. A classic-editor post: wpautop paragraphs, [caption], [embed], a bare Vimeo line, an unknown shortcode, references.
$classic = must(wp_insert_post(['post_title' => 'Low Back Pain: A Demo Overview', 'post_name' => 'low-back-pain-demo',
    'post_status' => 'publish', 'post_author' => $surgeon, 'post_date' => '2023-03-14 09:30:00',
    'post_excerpt' => 'A demo overview of low back pain for an import test; not medical advice.',
    'post_category' => [$lowBack], 'tags_input' => ['back pain', 'exercise'], 'post_content' => 'placeholder']));
$spineImage = attach($work, 'spine-model.jpg', 900, 600, [40, 90, 140], true, $classic, 'A demo spine model, seen from the side.',
    'Plastic model of a lumbar spine', '2023-03-14 09:00:00');
$imgHtml = wp_get_attachment_image($spineImage, 'medium', false, ['class' => "alignnone size-medium wp-image-$spineImage"]);
if (strpos($imgHtml, 'srcset') === false) {
    // As the classic editor saved images in older WordPress versions: with their srcset in the post.
    $srcset = wp_get_attachment_image_srcset($spineImage, 'medium');
    if (!$srcset) { // WordPress offers none while installing; the same list from its own sizes
        $parts = [];
        foreach (['medium', 'medium_large', 'full'] as $size) {
            [$u, $w] = wp_get_attachment_image_src($spineImage, $size);
            $parts[] = "$u {$w}w";
        }
        $srcset = implode(', ', $parts);
    }
    $srcset = esc_attr($srcset);
    $imgHtml = str_replace(' alt=', " srcset=\"$srcset\" sizes=\"(max-width: 300px) 100vw, 300px\" alt=", $imgHtml);
}
$full = wp_get_attachment_url($spineImage);
$classicBody = <<<HTML
This is demo content written for an import test. It is not medical advice: see a doctor about your own back.

Most low back pain settles within a few weeks. Staying <strong>gently active</strong> usually helps more than bed rest, and <em>heat</em> may ease the ache.

[caption id="attachment_$spineImage" align="alignnone" width="300"]<a href="$full">$imgHtml</a> A demo spine model, seen from the side.[/caption]
<h2>When to see a doctor</h2>
Seek advice promptly when pain follows a fall, comes with fever, or brings numbness in the legs.
<ul>
 	<li>Pain that wakes you at night</li>
 	<li>Weakness in a leg</li>
 	<li>Problems with bladder or bowel</li>
</ul>
[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]

https://vimeo.com/76979871

[demo_callout type="note"]Ask the clinic about our demo back class.[/demo_callout]
<h2>References</h2>
<ol>
 	<li>Demo A, Example B. A demo trial of staying active with back pain. Demo J Spine. 2019;12(3):45-52. doi: 10.1234/demo.2019.045. PMID: 31234567</li>
 	<li>Sample C. Heat for acute low back pain: a demo review. Demo Rev Orthop. 2021;4:101-9. https://doi.org/10.5555/demo-heat. PMID: 33445566</li>
</ol>
HTML;
must(wp_update_post(['ID' => $classic, 'post_content' => $classicBody]));
set_post_thumbnail($classic, $spineImage);
update_post_meta($classic, '_yoast_wpseo_title', 'Low back pain (demo) | Demo Orthopaedic Clinic');
update_post_meta($classic, '_yoast_wpseo_metadesc', 'Demo content: what usually helps low back pain, and when to see a doctor.');

// 2. A block-editor post with every block the importer knows.
$block = must(wp_insert_post(['post_title' => 'Knee Osteoarthritis Exercises (Demo)', 'post_name' => 'knee-exercises-demo',
    'post_status' => 'publish', 'post_author' => $writer, 'post_date' => '2024-05-02 18:15:00',
    'post_category' => [$knee], 'tags_input' => ['knee', 'exercise'], 'post_content' => 'placeholder']));
$kneeImage = attach($work, 'knee-diagram.png', 800, 500, [160, 60, 60], false, $block, 'Demo diagram of the knee joint.',
    'Diagram of a knee joint with the cartilage shaded', '2024-05-02 18:00:00');
$kneeUrl = wp_get_attachment_image_url($kneeImage, 'large') ?: wp_get_attachment_url($kneeImage);
$blockBody = <<<HTML
<!-- wp:paragraph -->
<p>This is demo content for an import test, not medical advice. Exercise plans belong with your physiotherapist.</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 class="wp-block-heading">Three gentle exercises</h2>
<!-- /wp:heading -->

<!-- wp:list {"ordered":true} -->
<ol><li>Straight-leg raise, ten times</li><li>Heel slides, ten times</li><li>Mini squats holding a chair</li></ol>
<!-- /wp:list -->

<!-- wp:image {"id":$kneeImage,"sizeSlug":"large","linkDestination":"none"} -->
<figure class="wp-block-image size-large"><img src="$kneeUrl" alt="Diagram of a knee joint with the cartilage shaded" class="wp-image-$kneeImage"/><figcaption class="wp-element-caption">Demo diagram of the knee joint.</figcaption></figure>
<!-- /wp:image -->

<!-- wp:heading {"level":3} -->
<h3 class="wp-block-heading">How often</h3>
<!-- /wp:heading -->

<!-- wp:table -->
<figure class="wp-block-table"><table><thead><tr><th>Exercise</th><th>Days a week</th></tr></thead><tbody><tr><td>Straight-leg raise</td><td>5</td></tr><tr><td>Heel slides</td><td>5</td></tr></tbody></table></figure>
<!-- /wp:table -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><!-- wp:paragraph -->
<p>Little and often beats a lot once a week.</p>
<!-- /wp:paragraph --><cite>A demo physiotherapist</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:separator -->
<hr class="wp-block-separator has-alpha-channel-opacity"/>
<!-- /wp:separator -->

<!-- wp:embed {"url":"https://www.youtube.com/watch?v=aqz-KE-bpKQ","type":"video","providerNameSlug":"youtube","responsive":true} -->
<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=aqz-KE-bpKQ
</div></figure>
<!-- /wp:embed -->

<!-- wp:embed {"url":"https://vimeo.com/22439234","type":"video","providerNameSlug":"vimeo","responsive":true} -->
<figure class="wp-block-embed is-type-video is-provider-vimeo wp-block-embed-vimeo"><div class="wp-block-embed__wrapper">
https://vimeo.com/22439234
</div></figure>
<!-- /wp:embed -->

<!-- wp:heading -->
<h2 class="wp-block-heading">References</h2>
<!-- /wp:heading -->

<!-- wp:list -->
<ul><li>Demo D, Sample E. Home exercise for knee osteoarthritis: a demo trial. Demo Knee J. 2020;8(2):12-19. doi:10.1234/demo.knee.12. PMID: 32111222</li></ul>
<!-- /wp:list -->
HTML;
must(wp_update_post(['ID' => $block, 'post_content' => $blockBody]));
set_post_thumbnail($block, $kneeImage);
update_post_meta($block, 'rank_math_title', 'Knee exercises (demo) %sep% %sitename%');
update_post_meta($block, 'rank_math_description', 'Demo content: three gentle knee exercises to discuss with a physiotherapist.');

// Threaded comments in every state.
$c1 = must(wp_insert_comment(['comment_post_ID' => $block, 'comment_author' => 'Demo Reader', 'comment_author_email' => 'reader@example.org',
    'comment_content' => "Do the heel slides help after a knee replacement?\n\nAsking for a demo relative.", 'comment_approved' => 1,
    'comment_date' => '2024-05-03 10:00:00', 'comment_date_gmt' => '2024-05-03 08:00:00']));
$c2 = must(wp_insert_comment(['comment_post_ID' => $block, 'comment_author' => 'Dr Dana Demo', 'comment_author_email' => 'dr.demo@clinic.example',
    'user_id' => $surgeon, 'comment_parent' => $c1, 'comment_content' => 'Ask the surgeon who operated: plans differ after surgery. (Demo answer.)',
    'comment_approved' => 1, 'comment_date' => '2024-05-03 12:00:00', 'comment_date_gmt' => '2024-05-03 10:00:00']));
must(wp_insert_comment(['comment_post_ID' => $block, 'comment_author' => 'Demo Reader', 'comment_author_email' => 'reader@example.org',
    'comment_parent' => $c2, 'comment_content' => 'Thank you, I will ask.', 'comment_approved' => 1,
    'comment_date' => '2024-05-03 13:00:00', 'comment_date_gmt' => '2024-05-03 11:00:00']));
must(wp_insert_comment(['comment_post_ID' => $block, 'comment_author' => 'Second Reader', 'comment_author_email' => 'second@example.org',
    'comment_content' => 'Waiting for moderation: how long should each session last?', 'comment_approved' => 0,
    'comment_date' => '2024-05-04 09:00:00', 'comment_date_gmt' => '2024-05-04 07:00:00']));
must(wp_insert_comment(['comment_post_ID' => $block, 'comment_author' => 'Cheap Pills', 'comment_author_email' => 'spam@spam.example',
    'comment_content' => 'Buy demo pills now', 'comment_approved' => 'spam',
    'comment_date' => '2024-05-04 10:00:00', 'comment_date_gmt' => '2024-05-04 08:00:00']));
must(wp_insert_comment(['comment_post_ID' => $block, 'comment_author' => 'Binned', 'comment_author_email' => 'binned@example.org',
    'comment_content' => 'A comment the editor put in the trash.', 'comment_approved' => 'trash',
    'comment_date' => '2024-05-04 11:00:00', 'comment_date_gmt' => '2024-05-04 09:00:00']));
must(wp_insert_comment(['comment_post_ID' => $classic, 'comment_author' => 'Demo Runner', 'comment_author_email' => 'runner@example.org',
    'comment_content' => 'Heat helped me, thanks for the demo article.', 'comment_approved' => 1,
    'comment_date' => '2023-03-20 08:00:00', 'comment_date_gmt' => '2023-03-20 07:00:00']));

// 3-6. Scheduled, draft, pending and private posts.
must(wp_insert_post(['post_title' => 'Hip Replacement Recovery (Demo, Scheduled)', 'post_name' => 'hip-recovery-demo',
    'post_status' => 'future', 'post_author' => $surgeon, 'post_date' => '2031-01-15 08:00:00', 'post_category' => [$limb],
    'post_content' => "Demo content, scheduled for later. Not medical advice.\n\nRecovery after a hip replacement takes weeks."]));
must(wp_insert_post(['post_title' => 'Shoulder Pain Draft (Demo)', 'post_name' => 'shoulder-draft-demo', 'post_status' => 'draft',
    'post_author' => $writer, 'post_content' => 'A demo draft about shoulder pain. Not medical advice.']));
must(wp_insert_post(['post_title' => 'Ankle Sprain (Demo, Awaiting Review)', 'post_name' => 'ankle-sprain-demo', 'post_status' => 'pending',
    'post_author' => $writer, 'post_date' => '2024-06-01 10:00:00', 'post_category' => [$limb],
    'post_content' => 'A demo article waiting for review. Not medical advice.']));
must(wp_insert_post(['post_title' => 'Clinic Staff Notes (Demo, Private)', 'post_name' => 'staff-notes-demo', 'post_status' => 'private',
    'post_author' => $surgeon, 'post_date' => '2024-02-01 10:00:00', 'post_content' => 'Private demo notes that readers never see.']));

// 7. A post whose slug was changed after publication: WordPress records _wp_old_slug.
$renamed = must(wp_insert_post(['post_title' => 'Sciatica Explained (Demo)', 'post_name' => 'sciatica-old-name', 'post_status' => 'publish',
    'post_author' => $surgeon, 'post_date' => '2022-11-08 07:45:00', 'post_category' => [$sciatica], 'tags_input' => ['back pain'],
    'post_content' => "Demo content about sciatica; not medical advice.\n\nSciatica is pain along the sciatic nerve, often from a disc."]));
must(wp_update_post(['ID' => $renamed, 'post_name' => 'sciatica-explained-demo']));

// 8. Pages: a parent and a child.
$about = must(wp_insert_post(['post_title' => 'About the Demo Clinic', 'post_name' => 'about-clinic', 'post_type' => 'page',
    'post_status' => 'publish', 'post_author' => $surgeon, 'post_date' => '2022-01-10 12:00:00',
    'post_content' => "<!-- wp:paragraph -->\n<p>This demo clinic exists only in test content.</p>\n<!-- /wp:paragraph -->"]));
$team = must(wp_insert_post(['post_title' => 'Our Demo Team', 'post_name' => 'team', 'post_type' => 'page', 'post_parent' => $about,
    'post_status' => 'publish', 'post_author' => $surgeon, 'post_date' => '2022-01-11 12:00:00',
    'post_content' => "The demo team: one fictional surgeon and one fictional writer.\n\nNobody here is real."]));

// An image that belongs to no post.
attach($work, 'clinic-front.jpg', 640, 400, [60, 120, 60], true, 0, '', 'Front door of the demo clinic', '2022-01-10 11:00:00');

// The main menu, as a theme's primary location shows it: a link home, a page with a page under it,
// categories three levels deep (Vertebra's menus have two), a post, and an address on another host.
// A second, smaller menu for a footer. Made last, so that every id above stays as it was.
function menu_item($menu, $fields) {
    return must(wp_update_nav_menu_item($menu, 0, $fields + ['menu-item-status' => 'publish']));
}
$main = must(wp_create_nav_menu('Main Menu'));
menu_item($main, ['menu-item-title' => 'Home', 'menu-item-url' => home_url('/'), 'menu-item-type' => 'custom', 'menu-item-position' => 1]);
$aboutItem = menu_item($main, ['menu-item-object' => 'page', 'menu-item-object-id' => $about, 'menu-item-type' => 'post_type', 'menu-item-position' => 2]);
menu_item($main, ['menu-item-object' => 'page', 'menu-item-object-id' => $team, 'menu-item-type' => 'post_type',
    'menu-item-parent-id' => $aboutItem, 'menu-item-position' => 3]);
$spineItem = menu_item($main, ['menu-item-title' => 'Back and Spine', 'menu-item-object' => 'category', 'menu-item-object-id' => $spine,
    'menu-item-type' => 'taxonomy', 'menu-item-position' => 4]);
$lowBackItem = menu_item($main, ['menu-item-object' => 'category', 'menu-item-object-id' => $lowBack, 'menu-item-type' => 'taxonomy',
    'menu-item-parent-id' => $spineItem, 'menu-item-position' => 5]);
menu_item($main, ['menu-item-object' => 'category', 'menu-item-object-id' => $sciatica, 'menu-item-type' => 'taxonomy',
    'menu-item-parent-id' => $lowBackItem, 'menu-item-position' => 6]);
menu_item($main, ['menu-item-object' => 'post', 'menu-item-object-id' => $classic, 'menu-item-type' => 'post_type', 'menu-item-position' => 7]);
menu_item($main, ['menu-item-title' => 'Patient Charity (Demo)', 'menu-item-url' => 'https://charity.example/', 'menu-item-type' => 'custom',
    'menu-item-position' => 8]);
$footer = must(wp_create_nav_menu('Footer Links'));
menu_item($footer, ['menu-item-object' => 'page', 'menu-item-object-id' => $about, 'menu-item-type' => 'post_type', 'menu-item-position' => 1]);
set_theme_mod('nav_menu_locations', ['primary' => $main, 'footer' => $footer]);

// What real sites bring that the posts above do not, each made last so every id above stays as it was.
// A title that WordPress keeps as HTML: an ampersand, a less-than sign, quotes and markup; a writer
// and a category whose names hold an ampersand and an apostrophe.
$nurse = must(wp_insert_user(['user_login' => 'nursepat', 'user_pass' => wp_generate_password(), 'user_email' => 'pat.nurse@clinic.example',
    'display_name' => "Pat O'Neill & Team", 'role' => 'author']));
$bones = must(wp_insert_term('Bones & Joints', 'category', ['slug' => 'bones-joints']))['term_id'];
// Saved as its author, who may not post raw HTML: WordPress's filters store the title and excerpt with entities (&amp;).
wp_set_current_user($nurse);
must(wp_insert_post(['post_title' => 'Media & Text: <em>Hip</em> Pain "Myths" & Facts (x < 3)', 'post_name' => 'hip-myths-demo',
    'post_status' => 'publish', 'post_author' => $nurse, 'post_date' => '2024-07-01 09:00:00', 'post_category' => [$bones],
    'post_excerpt' => 'Demo myths & facts about hip pain; not medical advice.',
    'post_content' => "Demo content about hip pain myths; not medical advice.\n\nRest & gentle walking: ask your doctor which suits you.<!--more-->\n\nThe rest of the demo article comes after the more tag."]));
wp_set_current_user(1);
// A published post without a title (WordPress publishes it; its address is its id).
must(wp_insert_post(['post_title' => '', 'post_status' => 'publish', 'post_author' => $surgeon, 'post_date' => '2024-07-02 09:00:00',
    'post_content' => 'A demo note published without a title. Not medical advice: ask your own doctor about your joints.']));
// A password-protected post: its text is for those who know the password, never for everyone.
must(wp_insert_post(['post_title' => 'Protected Demo Notes for Patients', 'post_name' => 'protected-demo', 'post_status' => 'publish',
    'post_password' => 'demo-secret', 'post_author' => $surgeon, 'post_date' => '2024-07-03 09:00:00',
    'post_content' => 'PROTECTED-DEMO-TEXT only for patients with the password. Demo content, not medical advice.']));
// A sticky post, which the theme shows first on the home page.
$sticky = must(wp_insert_post(['post_title' => 'Clinic Holiday Hours (Demo)', 'post_name' => 'holiday-hours-demo', 'post_status' => 'publish',
    'post_author' => $surgeon, 'post_date' => '2021-12-20 09:00:00',
    'post_content' => 'Demo content: the demo clinic is closed between the holidays. For urgent problems call your local emergency number.']));
stick_post($sticky);
// A post in three pages (<!--nextpage-->), with references as sites copy them from PubMed (no-break spaces and link labels),
// and a code sample holding "]]>", which the export writes as split CDATA sections.
must(wp_insert_post(['post_title' => 'Fracture Healing in Three Parts (Demo)', 'post_name' => 'fracture-healing-demo', 'post_status' => 'publish',
    'post_author' => $writer, 'post_date' => '2024-07-04 09:00:00', 'post_category' => [$bones],
    'post_content' => "Demo content in three pages; not medical advice.\n\nPart one: a broken bone starts to heal within days.\n<!--nextpage-->\nPart two: a cast holds the ends still while new bone forms.\n\n<code>if (a[b[0]]>c) heal();</code>\n<!--nextpage-->\nPart three: most simple fractures of the wrist heal in about six weeks.\n<h2>References</h2>\n<ol>\n<li>Demo F. A demo cohort of wrist fractures. Demo Bone J. 2013;33(4):1-9. doi: 10.1016/S0254-6272(13)60066-7.&nbsp;[<a href=\"https://pubmed.ncbi.nlm.nih.gov/24660591/\">PubMed</a>]</li>\n<li>Demo G. A demo trial of casts. Demo Ann. 2011;155(1):1-10. doi: 10.7326/0003-4819-155-1-201107050-00002.&nbsp; [<a href=\"https://pubmed.ncbi.nlm.nih.gov/21727288/\">PubMed</a>] [<a href=\"https://scholar.example/\">Google Scholar</a>]</li>\n</ol>"]));
// A gallery (classic shortcode and the gallery block) and an audio file (shortcode and the audio block).
$gallery = must(wp_insert_post(['post_title' => 'Inside the Demo Clinic: A Gallery', 'post_name' => 'clinic-gallery-demo', 'post_status' => 'publish',
    'post_author' => $surgeon, 'post_date' => '2024-07-05 09:00:00', 'post_content' => 'placeholder']));
$room1 = attach($work, 'waiting-room.jpg', 600, 400, [90, 60, 140], true, $gallery, 'The demo waiting room.', 'Chairs in a bright waiting room', '2024-07-05 08:00:00');
$room2 = attach($work, 'plaster-room.jpg', 600, 400, [140, 120, 40], true, $gallery, 'Where demo casts are made.', 'A bench with rolls of plaster', '2024-07-05 08:01:00');
$room3 = attach($work, 'gym.jpg', 600, 400, [40, 140, 120], true, $gallery, '', 'Exercise mats and a wall bar', '2024-07-05 08:02:00');
// A second of silence as a WAV file, made here.
$wav = "$work/breathing-exercise.wav";
$samples = str_repeat(pack('v', 0), 8000);
file_put_contents($wav, 'RIFF' . pack('V', 36 + strlen($samples)) . 'WAVEfmt ' . pack('VvvVVvv', 16, 1, 1, 8000, 16000, 2, 16) . 'data' . pack('V', strlen($samples)) . $samples);
$audio = must(media_handle_sideload(['name' => 'breathing-exercise.wav', 'tmp_name' => $wav], $gallery, null, ['post_title' => 'Breathing exercise (demo)']));
$audioUrl = wp_get_attachment_url($audio);
$roomUrls = array_map(fn($id) => wp_get_attachment_image_url($id, 'large') ?: wp_get_attachment_url($id), [$room1, $room2, $room3]);
$galleryBody = <<<HTML
<!-- wp:paragraph -->
<p>Demo content: a look inside the demo clinic. Not medical advice.</p>
<!-- /wp:paragraph -->

<!-- wp:shortcode -->
[gallery ids="$room1,$room2,$room3" columns="3"]
<!-- /wp:shortcode -->

<!-- wp:gallery {"linkTo":"none"} -->
<figure class="wp-block-gallery has-nested-images columns-default is-cropped"><!-- wp:image {"id":$room1,"sizeSlug":"large","linkDestination":"none"} -->
<figure class="wp-block-image size-large"><img src="{$roomUrls[0]}" alt="Chairs in a bright waiting room" class="wp-image-$room1"/><figcaption class="wp-element-caption">The demo waiting room.</figcaption></figure>
<!-- /wp:image -->

<!-- wp:image {"id":$room2,"sizeSlug":"large","linkDestination":"none"} -->
<figure class="wp-block-image size-large"><img src="{$roomUrls[1]}" alt="A bench with rolls of plaster" class="wp-image-$room2"/></figure>
<!-- /wp:image --></figure>
<!-- /wp:gallery -->

<!-- wp:paragraph -->
<p>Listen to the demo breathing exercise:</p>
<!-- /wp:paragraph -->

<!-- wp:audio {"id":$audio} -->
<figure class="wp-block-audio"><audio controls src="$audioUrl"></audio><figcaption class="wp-element-caption">A demo breathing exercise.</figcaption></figure>
<!-- /wp:audio -->

<!-- wp:shortcode -->
[audio wav="$audioUrl"][/audio]
<!-- /wp:shortcode -->
HTML;
must(wp_update_post(['ID' => $gallery, 'post_content' => $galleryBody]));

// Every public address WordPress answers for, as it lists them itself.
function public_urls() {
    $urls = [home_url('/'), get_feed_link(), get_feed_link('atom'), get_post_comments_feed_link(0) ?: home_url('/comments/feed/')];
    $items = get_posts(['post_type' => ['post', 'page'], 'post_status' => 'publish', 'numberposts' => -1]);
    foreach ($items as $p) {
        $urls[] = get_permalink($p);
        $urls[] = $p->post_type === 'page' ? home_url('/?page_id=' . $p->ID) : home_url('/?p=' . $p->ID);
    }
    foreach (get_posts(['post_type' => 'attachment', 'post_status' => 'inherit', 'numberposts' => -1]) as $a) {
        $urls[] = get_attachment_link($a);
        $urls[] = home_url('/?attachment_id=' . $a->ID);
        $urls[] = wp_get_attachment_url($a->ID);
        $urls[] = wp_get_attachment_image_url($a->ID, 'medium');
    }
    foreach (get_terms(['taxonomy' => ['category', 'post_tag'], 'hide_empty' => true]) as $t) {
        $urls[] = get_term_link($t);
        // Taxonomies registered their addresses before the permalinks changed: the pretty ones by hand.
        $path = $t->slug;
        for ($up = $t->parent; $up; $up = get_term($up)->parent) {
            $path = get_term($up)->slug . '/' . $path;
        }
        $urls[] = home_url(($t->taxonomy === 'category' ? '/category/' : '/tag/') . $path . '/');
    }
    // A renamed post's old address, which WordPress redirects (wp_old_slug_redirect).
    foreach (get_posts(['post_type' => 'post', 'meta_key' => '_wp_old_slug', 'numberposts' => -1]) as $p) {
        foreach (get_post_meta($p->ID, '_wp_old_slug') as $old) {
            $urls[] = str_replace('/' . $p->post_name . '/', '/' . $old . '/', get_permalink($p));
        }
    }
    foreach (get_users(['has_published_posts' => true]) as $u) {
        $urls[] = get_author_posts_url($u->ID);
    }
    return array_unique(array_filter($urls)); // an audio file has no medium size
}
file_put_contents("$work/urls-postname.list", implode("\n", public_urls()) . "\n");
$wp_rewrite->set_permalink_structure('/%year%/%monthnum%/%day%/%postname%/');
file_put_contents("$work/urls-dated.list", implode("\n", public_urls()) . "\n");
$wp_rewrite->set_permalink_structure('/%postname%/');
flush_rewrite_rules(false);

export_wp(['content' => 'all']);
