"""API v3's image reads with what a front end needs to show an image: the
renditions it asks for with `?rendition=` (absolute URLs, srcset-ready) and an
absolute download URL, in the one list shape (limit/offset, count/items).

Wagtail's own GET operations on /images/ are replaced (as the page reads are,
home/api_pages.py); its writes stay as they are."""

from django.http import Http404, HttpRequest
from ninja import Field, Query, Schema
from wagtail.api.v3.schemas.params import APIFieldFilterSchema, OrderingSchema, SearchSchema
from wagtail.images.api.v3 import router as wagtail_images

from cms.absolute_urls import absolute_url
from cms.api_auth import READ_AUTH
from cms.api_pagination import Paging, paged
from cms.api_references import References, RenditionOut, RenditionSpec
from cms.ids import PlainId

WagtailImageMeta = wagtail_images.ImageDetailSchema.model_fields["meta"].annotation


class ImageMeta(WagtailImageMeta):
    @staticmethod
    def resolve_download_url(obj, context):
        return absolute_url(obj.file.url, context["request"]) if obj.file else None


class ImageWithRenditions(wagtail_images.ImageDetailSchema):
    meta: ImageMeta
    renditions: list[RenditionOut] = Field(
        description="The sizes asked for with ?rendition= (srcset: url and width)"
    )

    @staticmethod
    def resolve_renditions(obj, context):
        return References.for_request(context["request"]).image(obj.pk)["renditions"]


class ImageShape(Schema):
    rendition: list[RenditionSpec] = Field([], description="Rendition sizes to include")


def images_for(request):
    # Wagtail's queryset read each image's collection with a query of its own.
    return wagtail_images.get_images_queryset(request).select_related("collection")


def list_images(
    request: HttpRequest,
    ordering: OrderingSchema = Query(...),  # noqa: B008
    search: SearchSchema = Query(...),  # noqa: B008
    paging: Paging = Query(...),  # noqa: B008
    shape: ImageShape = Query(...),  # noqa: B008
):
    field_filter = APIFieldFilterSchema.with_exclude_schemas(
        raw_params=request.GET,
        schemas=(OrderingSchema, SearchSchema, Paging, ImageShape),
        base_fields=wagtail_images.BASE_IMAGE_READ_FIELDS,
    )
    images = field_filter.filter_queryset(images_for(request))
    images = ordering.order_queryset(
        images, paging, base_fields=wagtail_images.BASE_IMAGE_READ_FIELDS
    )
    images = search.search_queryset(request, images)
    count, window = paging.window(images)
    references = References.for_request(request)
    for image in window:  # one read of them all, with their renditions
        references.want("image", image.pk)
    return {"count": count, "items": window}


def get_image(request: HttpRequest, image_id: PlainId, shape: ImageShape = Query(...)):  # noqa: B008
    image = images_for(request).filter(pk=image_id).first()
    if image is None:
        raise Http404("No image that you may see has that id.")
    return image


def install(router):
    for path in ("/", "/{image_id}/"):
        path_view = router.path_operations[path]
        path_view.operations = [op for op in path_view.operations if "GET" not in op.methods]
    common = {"auth": READ_AUTH, "tags": ["images"]}
    router.add_api_operation(
        "/", ["GET"], list_images, response=paged(ImageWithRenditions, "ImageList"),
        url_name="list_images", summary="List images", operation_id="images_list", **common,
    )  # fmt: skip
    router.add_api_operation(
        "/{image_id}/", ["GET"], get_image, response=ImageWithRenditions,
        url_name="detail_image", summary="Image detail", operation_id="images_detail", **common,
    )  # fmt: skip
