"""A recipe's ingredient list and steps are the article's text, although their short lines
do not read as prose (issue 9: "recipe ingredient lists lost"). All names are invented."""

from __future__ import annotations

from builder.readers.text import read_text

TITLE = "Ashmoor harbour fish cakes"
STORY = ["Every spring the fishers of Port Veyra fry these cakes on the quay, and the smell "
         "reaches the old sea wall long before the boats come in for the evening.",
         "My grandmother Mara Quill taught me to make them with whatever the boats brought "
         "home, and to keep the oil hot so that they stay crisp and light.",
         "They take half an hour and keep well for a day in a cool larder."]
INGREDIENTS = ["400g white fish, skinned", "2 potatoes, boiled and mashed", "1 tbsp parsley",
               "Pinch of salt", "Oil for frying"]
STEPS = ["Mash the fish into the potatoes with the parsley and salt.",
         "Shape into eight cakes.", "Fry in hot oil until golden, turning once."]


def _page() -> str:
    card = ["Ashmoor harbour fish cakes", "Servings", "8", "Prep time", "10", "minutes",
            "Ingredients", *INGREDIENTS, "Directions", *STEPS]
    foot = ["Related", "Veyra crab soup", "Leave a Comment", "Your email address will not be "
            "published."]
    parts = [TITLE, "By Ossian Pell", "March 3, 2024",
             *STORY, "Pin", "Print", *card, *foot]
    return "\n\n".join(parts)


def test_the_recipe_card_after_the_story_is_read() -> None:
    article = read_text(_page(), "cakes.txt")
    assert article.paragraphs[:3] == STORY
    for line in [*INGREDIENTS, *STEPS]:
        assert line in article.paragraphs
    assert "Veyra crab soup" not in article.paragraphs  # the card ends where the page's
    assert "Servings" not in article.paragraphs  # furniture starts, and begins at its list


def test_a_page_without_steps_has_no_card() -> None:
    """An "Ingredients" line with no steps under it is no recipe card: nothing is added."""
    text = "\n\n".join([TITLE, "By Ossian Pell", "March 3, 2024", *STORY,
                        "Ingredients", "Our suppliers", "Contact"])
    assert read_text(text, "cakes.txt").paragraphs == STORY
