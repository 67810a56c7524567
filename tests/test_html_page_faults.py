"""The HTML reader on fictional saved pages that trip a parser or a date finder: a script
written as `<script .../>`, and pages whose visible date differs from what the page's markup
or its copyright line suggests.

Every page here is invented (Velmora, The Ostrakan Ledger, Dr Ilse Varnholt ...). Expected
values are what a person reads on the page.
"""

from __future__ import annotations

from builder.readers.html import read_html

SCRIPT_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Velmora bakers revive the salt loaf | The Ostrakan Ledger</title>
<meta property="og:site_name" content="The Ostrakan Ledger">
</head>
<body>
<main>
<h1>Velmora bakers revive the salt loaf</h1>
<div class="ratings"><span>459 Reviews</span></div>
<script type="text/javascript"/>
(function() {
  document.addEventListener('DOMContentLoaded', function() {
    var componentMetadata = JSON.parse('{"componentName": "VelmoraRatings"}');
    var moduleName = 'velmoraRatings';
    Ostrakan.RegisterControlInstance(moduleName, componentMetadata);
  });
})();
</script>
<p>The bakers of Velmora have brought back the salt loaf, a dense rye bread that had not been
sold in the town since the mill on the Tamsel river closed forty years ago.</p>
<p>Dr Ilse Varnholt, who runs the town's bread museum, found the recipe in a ledger kept by
her great-grandmother and gave it to the four bakeries on Harbour Street.</p>
<p>The loaf is baked for six hours in a cooling oven and keeps for two weeks, she said.</p>
<style/>
.velmora-banner { color: red; }
</style>
<p>The first batch sold out before noon on Saturday.</p>
</main>
</body>
</html>
"""


def test_a_self_closed_script_is_never_article_text() -> None:
    """A browser reads `<script/>` as an open script: its code is not the story's text."""
    article = read_html(SCRIPT_PAGE, "salt-loaf.html")
    text = "\n".join(article.paragraphs)
    for code in ("componentMetadata", "RegisterControlInstance", "function()", "velmora-banner"):
        assert code not in text
    assert article.paragraphs[0].startswith("The bakers of Velmora have brought back")
    assert "The first batch sold out before noon on Saturday." in text
