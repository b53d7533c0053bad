"""`update_index` as Wagtail ships it (a new index filled beside the old one,
then an alias swapped, so searches keep answering), with a progress bar per
model: objects done of the total, rate and time left, instead of a dot per
thousand objects. A rebuilt engine index is then merged into one segment."""

from tqdm import tqdm
from wagtail.search.backends import get_search_backend
from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from search.index_maintenance import merge_segments


class Command(WagtailUpdateIndex):
    def update_backend(self, backend_name, schema_only=False, **kwargs):
        super().update_backend(backend_name, schema_only=schema_only, **kwargs)
        if not schema_only:
            for name in merge_segments(get_search_backend(backend_name)):
                self.write(f"{backend_name}: merged {name} into one segment")

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
