"""`update_index` as Wagtail ships it (a new index filled beside the old one,
then an alias swapped, so searches keep answering), with a progress bar per
model: objects done of the total, rate and time left, instead of a dot per
thousand objects. On an engine, the new indices get the editors' synonyms
(search/engine_analysis.py) and the alias moves to them in one atomic request.
A rebuilt engine index is then merged into one segment."""

from tqdm import tqdm
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models
from wagtail.search.management.commands.update_index import (
    DEFAULT_CHUNK_SIZE,
    group_models_by_index,
)
from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from search.engine_analysis import atomic_rebuilder, put_template
from search.index_maintenance import merge_segments


class Command(WagtailUpdateIndex):
    def update_backend(self, backend_name, schema_only=False, chunk_size=DEFAULT_CHUNK_SIZE):
        backend = get_search_backend(backend_name)
        if not hasattr(backend, "es"):  # the database backend: Wagtail's way
            super().update_backend(backend_name, schema_only=schema_only, chunk_size=chunk_size)
            return
        self.rebuild_engine(backend_name, backend, schema_only, chunk_size)
        if not schema_only:
            for name in merge_segments(get_search_backend(backend_name)):
                self.write(f"{backend_name}: merged {name} into one segment")

    def rebuild_engine(self, backend_name, backend, schema_only, chunk_size):
        """Wagtail's rebuild of each index (rebuild_modelsearch_index), with
        the synonyms' template put first and the alias swapped atomically."""
        self.write("Updating backend: " + backend_name)
        put_template(backend)
        if backend.rebuilder_class is backend.atomic_rebuilder_class:
            backend.rebuilder_class = atomic_rebuilder(backend)
        for index, models in group_models_by_index(backend, get_indexed_models()).items():
            self.write(f"{backend_name}: Rebuilding index {index}")
            rebuilder = backend.rebuilder_class(index)
            index = rebuilder.start()
            for model in models:
                index.add_model(model)
            object_count = 0
            for model in [] if schema_only else models:
                self.write(f"{backend_name}: {model._meta.label} ".ljust(35), ending="")
                objects = model.get_indexed_objects().order_by("pk")
                for chunk in self.print_iter_progress(self.queryset_chunks(objects, chunk_size)):
                    index.add_items(model, chunk)
                    object_count += len(chunk)
                self.print_newline()
            rebuilder.finish()
            self.write(f"{backend_name}: indexed {object_count} objects")
            self.print_newline()

    def queryset_chunks(self, qs, chunk_size=1000):
        # Runs when the first chunk is asked for, before the bar is drawn.
        self.objects_to_index = qs.count()
        yield from super().queryset_chunks(qs, chunk_size)

    def print_iter_progress(self, iterable):
        bar = None
        try:
            for chunk in iterable:
                if bar is None and self.verbosity > 0:
                    # Made with the first chunk, when the total is known. On
                    # the raw stream: Django's wrapper would end each redraw
                    # with a new line.
                    bar = tqdm(
                        total=self.objects_to_index,
                        unit=" objects",
                        file=self.stdout._out,
                        dynamic_ncols=True,
                        mininterval=0.5,
                    )
                yield chunk
                if bar is not None:
                    bar.update(len(chunk))
        finally:
            if bar is not None:
                bar.close()
