"""``{% cached_fragment "name" part… %}…{% endcached_fragment %}``: the one template tag
for a fragment computed from published content (core/cache.py).

The key is built by ``core.cache.cache_key`` (name, content version, host, active
language, parts): templates name the fragment and what it depends on, never a key.
"""

from django import template
from django.utils.translation import get_language

from core.cache import cache_key, cached

register = template.Library()


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        parts = [part.resolve(context) for part in self.parts]
        key = cache_key(context.get("request"), self.name, get_language(), *parts)
        return cached(key, lambda: self.nodelist.render(context))


@register.tag("cached_fragment")
def cached_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError(
            "{% cached_fragment %} takes a quoted name, then what the fragment depends on"
        )
    nodelist = parser.parse(("endcached_fragment",))
    parser.delete_first_token()
    return CachedFragmentNode(nodelist, bits[1][1:-1], [parser.compile_filter(b) for b in bits[2:]])
