"""API v2 serializers for a resource's relations."""

from rest_framework import serializers


class SlugNameListField(serializers.Field):
    def __init__(self, value_attr, label_attr, **kwargs):
        self.value_attr, self.label_attr = value_attr, label_attr
        super().__init__(**kwargs)

    def to_representation(self, manager):
        return [
            {"value": getattr(item, self.value_attr), "label": getattr(item, self.label_attr)}
            for item in manager.all()
        ]


class TagListField(serializers.Field):
    def to_representation(self, manager):
        return sorted(tag.name for tag in manager.all())


class DocumentURLField(serializers.Field):
    def to_representation(self, document):
        request = self.context["request"]
        return request.build_absolute_uri(document.url)


class PageURLField(serializers.Field):
    def to_representation(self, resource):
        return self.context["request"].build_absolute_uri(resource.get_url())
