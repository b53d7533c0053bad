"""API v2 serializers for the shared taxonomies, so pages expose names, not ids."""

from rest_framework import serializers


class TaxonomyListField(serializers.Field):
    def to_representation(self, manager):
        return [{"slug": term.slug, "name": term.name} for term in manager.all()]


class ProcurementTypeField(serializers.Field):
    def to_representation(self, value):
        return {"slug": value.slug, "name": value.name, "abbreviation": value.abbreviation}


class CountryField(serializers.Field):
    def to_representation(self, value):
        return {"code": value.code, "name": value.name}
